import { decodeDocument } from '../core/restore';
import { SpecError } from '../core/errors';
import { fromBase64Url, toBase64Url } from './base64url';
import { deflate, inflate } from './compress';
import { ShareError } from './share-error';
import { payloadDocument, readPayload, type SharePayload } from './share-payload';
import { SHARE_KEY } from './share-key';

export { SHARE_KEY, isShareFragment } from './share-key';
/** The link encoding's version (before the dot). */
export const LINK_ENCODING = 1;
/** Longest fragment accepted, in characters. */
export const MAX_FRAGMENT = 200_000;
/** Most bytes a link may unpack to. */
export const MAX_INFLATED = 4_000_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The fragment (without '#') that carries a payload: versioned, deflated, base64url-encoded. */
export async function encodeShareFragment(payload: SharePayload, extra: Readonly<Record<string, unknown>> = {}): Promise<string> {
  const bytes = encoder.encode(JSON.stringify({ ...payloadDocument(payload), ...extra }));
  return `${SHARE_KEY}${LINK_ENCODING}.${toBase64Url(await deflate(bytes))}`;
}

/** A full share URL on `base` (the app's address); `extra` adds fields an older app ignores (an assignment's options). */
export async function shareUrl(payload: SharePayload, base: string, extra: Readonly<Record<string, unknown>> = {}): Promise<string> {
  return `${base.split('#')[0]}#${await encodeShareFragment(payload, extra)}`;
}

/**
 * Decodes a share fragment or a whole URL. Every failure is a ShareError whose
 * message says what is wrong; nothing here can hang or exhaust memory.
 */
export async function decodeShare(input: string): Promise<SharePayload> {
  return readPayload(await decodeShareDocument(input));
}

/** The raw JSON document of a share link (size-limited and checked as text, not yet validated as a payload). */
export async function decodeShareDocument(input: string): Promise<unknown> {
  const fragment = extractFragment(input);
  if (fragment.length > MAX_FRAGMENT) throw new ShareError(`The link is ${fragment.length} characters long; pipelab accepts at most ${MAX_FRAGMENT}.`);
  const body = fragment.slice(SHARE_KEY.length);
  const dot = body.indexOf('.');
  const version = Number(body.slice(0, dot));
  if (dot < 1 || !Number.isInteger(version)) throw new ShareError('The link is damaged: its version number is missing. Copy the whole link again.');
  if (version > LINK_ENCODING) throw new ShareError('This link was made by a newer pipelab. Update the app (reload it online) to open it.');
  if (version < 1) throw new ShareError('The link is damaged: its version number is not valid.');
  const inflated = await inflate(fromBase64Url(body.slice(dot + 1)), MAX_INFLATED);
  let text: string;
  try {
    text = decoder.decode(inflated);
  } catch {
    throw new ShareError('The link is damaged: its contents are not text. Copy the whole link again.');
  }
  try {
    return decodeDocument(text, MAX_INFLATED);
  } catch (err) {
    if (err instanceof SpecError) throw new ShareError(`The link is damaged: ${err.message}.`);
    throw err;
  }
}

function extractFragment(input: string): string {
  const hash = input.indexOf('#');
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  if (!fragment.startsWith(SHARE_KEY)) throw new ShareError('This is not a pipelab share link: it has no "#share=" part.');
  return fragment;
}
