import { sha256Hex } from '../core/hash';
import { decodeShareDocument, shareUrl } from '../share/link-codec';
import { readPayload, type SharePayload } from '../share/share-payload';
import { ShareError } from '../share/share-error';
import { ROOM_ID_PATTERN } from '../share/live-room';

/** Whether every student runs the teacher's seed, or picks their own (a class-wide seed study). */
export type SeedMode = 'locked' | 'free';

/** What an assignment link adds to a share link; an older pipelab ignores it and opens a plain shared pipeline. */
export interface AssignmentOptions {
  /** 12 hex digits naming the assignment; result codes carry it so the board refuses another assignment's. */
  readonly id: string;
  /** The teacher's result stays hidden until the student has run. */
  readonly hideResult: boolean;
  readonly seed: SeedMode;
  /** A live session (issue 22): the relay and the room students join; the teacher's token is never in the link. */
  readonly live?: LiveLink;
}

/** The live session an assignment link joins. */
export interface LiveLink {
  readonly relay: string;
  readonly room: string;
  /** The co-editor token, in a co-edit link only: its holder may edit the pipeline with the teacher. */
  readonly editor?: string;
}

/** An opened assignment link: the shared pipeline and the assignment's options. */
export interface AssignmentLink {
  readonly payload: SharePayload;
  readonly assignment: AssignmentOptions;
}

const ID = /^[0-9a-f]{12}$/;

/** A fresh assignment id: 12 hex digits of SHA-256 over the pipeline's version hash, the options and the moment it was made. */
export async function assignmentId(versionHash: string, hideResult: boolean, seed: SeedMode, madeAt: number): Promise<string> {
  return (await sha256Hex(`pipelab/assignment\n${versionHash}\n${hideResult}\n${seed}\n${madeAt}`)).slice(0, 12);
}

/** The assignment link on `base`: a share link whose document also carries `assignment`. */
export function assignmentUrl(payload: SharePayload, options: AssignmentOptions, base: string): Promise<string> {
  return shareUrl(payload, base, { assignment: { id: options.id, hideResult: options.hideResult, seed: options.seed, ...(options.live ? { live: liveFields(options.live) } : {}) } });
}

function liveFields(live: LiveLink): LiveLink {
  return { relay: live.relay, room: live.room, ...(live.editor ? { editor: live.editor } : {}) };
}

/** Reads the `assignment` field of a decoded share document: null when absent, a ShareError when damaged. */
export function readAssignment(doc: unknown): AssignmentOptions | null {
  const value = (doc as Record<string, unknown> | null)?.assignment;
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ShareError("The link's assignment is damaged: expected an object.");
  const a = value as Record<string, unknown>;
  if (typeof a.id !== 'string' || !ID.test(a.id)) throw new ShareError("The link's assignment id is damaged: expected 12 hex digits.");
  if (typeof a.hideResult !== 'boolean') throw new ShareError("The link's assignment option hideResult must be true or false.");
  if (a.seed !== 'locked' && a.seed !== 'free') throw new ShareError('The link\'s assignment seed option must be "locked" or "free".');
  const live = readLive(a.live);
  return { id: a.id, hideResult: a.hideResult, seed: a.seed, ...(live ? { live } : {}) };
}

/** A relay URL as the settings accept it: ws:// or wss://, or null when it is not one. */
export function relayUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && !url.hash ? url.href.replace(/\/$/, '') : null;
  } catch {
    return null;
  }
}

function readLive(value: unknown): LiveLink | null {
  if (value === undefined) return null;
  const v = value as Record<string, unknown> | null;
  const relay = typeof v?.relay === 'string' ? relayUrl(v.relay) : null;
  if (!relay || typeof v?.room !== 'string' || !ROOM_ID_PATTERN.test(v.room)) throw new ShareError("The link's live session is damaged: expected a ws:// or wss:// relay and a room id.");
  if (v.editor !== undefined && (typeof v.editor !== 'string' || !ROOM_ID_PATTERN.test(v.editor))) throw new ShareError("The link's co-edit key is damaged: expected 43 base64url characters.");
  return { relay, room: v.room, ...(typeof v.editor === 'string' ? { editor: v.editor } : {}) };
}

/** The co-edit link of an assignment link: the same link whose live session also carries the co-editor token. */
export async function coeditUrl(assignmentLink: string, editor: string): Promise<string> {
  const { payload, assignment } = await decodeAssignmentLink(assignmentLink);
  if (!assignment?.live) throw new ShareError('Only a live assignment has a co-edit link.');
  const base = assignmentLink.slice(0, assignmentLink.indexOf('#'));
  return assignmentUrl(payload, { ...assignment, live: { ...assignment.live, editor } }, base);
}

/** Decodes a share link that may be an assignment: the payload through the one restore path, plus its options (or null). */
export async function decodeAssignmentLink(input: string): Promise<{ payload: SharePayload; assignment: AssignmentOptions | null }> {
  const doc = await decodeShareDocument(input);
  const payload = readPayload(doc);
  return { payload, assignment: readAssignment(doc) };
}
