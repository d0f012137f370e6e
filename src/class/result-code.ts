import { decodeDocument } from '../core/restore';
import { SpecError } from '../core/errors';
import { fromBase64Url, toBase64Url } from '../share/base64url';
import { deflate, inflate } from '../share/compress';
import { ShareError } from '../share/share-error';
import type { BrowserFamily, OsFamily } from './env-family';
import { cleanName, damaged, pick, pickBrowser, pickInt, pickMetrics, pickOs, pickSteps } from './result-fields';

/** The fragment key of a result code link: `#result=1.<base64url of deflated JSON>`. */
export const RESULT_KEY = 'result=';
/** The result code's format version (before the dot, and `v` inside). */
export const RESULT_VERSION = 1;
/** Longest result code accepted, in characters after the '#'. */
export const MAX_RESULT_FRAGMENT = 32_000;
/** Most bytes a result code may unpack to. */
export const MAX_RESULT_BYTES = 64_000;

/** What a student hands in: enough to group, to explain a difference and to locate the first differing step. */
export interface ResultCode {
  /** The assignment's id (12 hex digits). */
  readonly assignment: string;
  /** First 16 hex digits of the pipeline version hash the student ran. */
  readonly versionHash: string;
  readonly seed: number;
  readonly backend: string;
  readonly precision: 16 | 32;
  readonly browser: BrowserFamily;
  readonly os: OsFamily;
  readonly appVersion: string;
  /** First 16 hex digits of the run's result hash. */
  readonly resultHash: string;
  /** Each step's output hash (first 8 hex digits), in pipeline order. */
  readonly steps: readonly (readonly [string, string])[];
  readonly metrics: Readonly<Record<string, number>>;
  /** The student's name, cleaned (see cleanName). */
  readonly name: string;
  /** When it was handed in (ms since 1970). */
  readonly at: number;
}

const HEX12 = /^[0-9a-f]{12}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The compact JSON document of a code (short keys keep the QR code small). */
export function resultDocument(c: ResultCode): Record<string, unknown> {
  return {
    f: 'pipelab/result', v: RESULT_VERSION, a: c.assignment, h: c.versionHash, s: c.seed, b: c.backend, p: c.precision,
    br: c.browser, os: c.os, av: c.appVersion, r: c.resultHash, st: c.steps, m: c.metrics, n: c.name, t: c.at,
  };
}

/** Encodes any document as a result fragment (tests use it to forge codes). */
export async function encodeResultDocument(doc: unknown): Promise<string> {
  return `${RESULT_KEY}${RESULT_VERSION}.${toBase64Url(await deflate(encoder.encode(JSON.stringify(doc))))}`;
}

/** The result code link on `base` (the app's address). */
export async function resultUrl(code: ResultCode, base: string): Promise<string> {
  return `${base.split('#')[0]}#${await encodeResultDocument(resultDocument({ ...code, name: cleanName(code.name) }))}`;
}

/** Whether a text (a link or a bare fragment) looks like a result code. */
export function isResultCode(text: string): boolean {
  const hash = text.indexOf('#');
  return (hash >= 0 ? text.slice(hash + 1) : text).trim().startsWith(RESULT_KEY);
}

/** Decodes a result code link or fragment; every failure is a ShareError saying what is wrong. */
export async function decodeResultCode(input: string): Promise<ResultCode> {
  const text = input.trim();
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  if (!fragment.startsWith(RESULT_KEY)) throw new ShareError('This is not a pipelab result code: it has no "#result=" part.');
  if (fragment.length > MAX_RESULT_FRAGMENT) throw new ShareError(`This result code is ${fragment.length} characters long; pipelab accepts at most ${MAX_RESULT_FRAGMENT}.`);
  const body = fragment.slice(RESULT_KEY.length);
  const dot = body.indexOf('.');
  const version = dot > 0 ? Number(body.slice(0, dot)) : NaN;
  if (!Number.isInteger(version) || version < 1) throw new ShareError('This result code is damaged: its version number is missing. Copy the whole link again.');
  if (version > RESULT_VERSION) throw new ShareError('This result code was made by a newer pipelab. Update the app (reload it online) to read it.');
  const bytes = await inflate(fromBase64Url(body.slice(dot + 1)), MAX_RESULT_BYTES);
  let doc: unknown;
  try {
    doc = decodeDocument(decoder.decode(bytes), MAX_RESULT_BYTES);
  } catch (err) {
    if (err instanceof SpecError || err instanceof TypeError) throw new ShareError('This result code is damaged: its contents are not valid JSON text. Copy the whole link again.');
    throw err;
  }
  return readResultDocument(doc);
}

/** Validates every field of a decoded document; the name is cleaned, never trusted. */
export function readResultDocument(doc: unknown): ResultCode {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw damaged('its contents', 'an object');
  const d = doc as Record<string, unknown>;
  if (d.f !== 'pipelab/result') throw new ShareError('This is not a pipelab result code (its format tag is missing or wrong).');
  if (d.v !== RESULT_VERSION) throw damaged('the version', String(RESULT_VERSION));
  if (d.p !== 16 && d.p !== 32) throw damaged('the precision', '16 or 32');
  if (typeof d.n !== 'string' || d.n.length > 20_000) throw damaged('the name', 'text');
  const name = cleanName(d.n);
  if (!name) throw damaged('the name', 'a name or nickname');
  return {
    assignment: pick(d.a, 'the assignment id', HEX12, '12 hex digits'),
    versionHash: pick(d.h, 'the pipeline version', HEX16, '16 hex digits'),
    seed: pickInt(d.s, 'the seed', 0, 2 ** 32 - 1),
    backend: pick(d.b, 'the backend', /^[a-z0-9-]{1,16}$/, 'a backend name such as cpu'),
    precision: d.p,
    browser: pickBrowser(d.br),
    os: pickOs(d.os),
    appVersion: pick(d.av, 'the app version', /^[0-9A-Za-z.+-]{1,32}$/, 'a version such as 0.1.0'),
    resultHash: pick(d.r, 'the result hash', HEX16, '16 hex digits'),
    steps: pickSteps(d.st),
    metrics: pickMetrics(d.m),
    name,
    at: pickInt(d.t, 'the time', 0, 8.64e15),
  };
}
