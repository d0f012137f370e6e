// Room ids, teacher tokens and co-editor tokens of a live session, as a chain of tagged SHA-256
// hashes: teacher token → co-editor token → room id. The relay checks either token by hashing it
// (it stores nothing); a co-editor cannot recover the teacher token, nor a student (who knows only
// the room id) either token. All three are 256-bit: unguessable. Rooms made before co-editing had
// room id = SHA-256(teacher token); their teachers are still recognised (they have no co-editors).
import { fromBase64Url, toBase64Url } from './base64url';

/** A room id or a token: 43 base64url characters (32 bytes). */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const EDITOR_TAG = 'pipelab/live-editor\n';
const ROOM_TAG = 'pipelab/live-room\n';

/** A fresh teacher token: 32 bytes from the platform's cryptographic generator (not pipeline randomness). */
export function newTeacherToken(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

async function hash(tag: string, token: string): Promise<string> {
  if (!ROOM_ID_PATTERN.test(token)) throw new Error('A live-session token is 43 base64url characters.');
  const bytes = fromBase64Url(token);
  const prefix = new TextEncoder().encode(tag);
  const input = new Uint8Array(prefix.length + bytes.length);
  input.set(prefix);
  input.set(bytes, prefix.length);
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', input)));
}

/** The co-editor token of a teacher token: carried by the co-edit link, it may change the pipeline but not the hand-ins. */
export function editorTokenFor(teacherToken: string): Promise<string> {
  return hash(EDITOR_TAG, teacherToken);
}

/** The room id that belongs to a co-editor token. */
export function roomIdForEditor(editorToken: string): Promise<string> {
  return hash(ROOM_TAG, editorToken);
}

/** The room id that belongs to a teacher token. */
export async function roomIdForToken(token: string): Promise<string> {
  return roomIdForEditor(await editorTokenFor(token));
}

/** The room id of a session made before co-editing (SHA-256 of the teacher token, untagged). */
async function legacyRoomId(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', fromBase64Url(token) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}

/** True when the token is the teacher token of the room (compares digests, so timing reveals nothing useful). */
export async function isTeacherToken(roomId: string, token: string | null): Promise<boolean> {
  if (token === null || !ROOM_ID_PATTERN.test(token) || !ROOM_ID_PATTERN.test(roomId)) return false;
  return (await roomIdForToken(token)) === roomId || (await legacyRoomId(token)) === roomId;
}

/** True when the token is the co-editor token of the room. */
export async function isEditorToken(roomId: string, token: string | null): Promise<boolean> {
  if (token === null || !ROOM_ID_PATTERN.test(token) || !ROOM_ID_PATTERN.test(roomId)) return false;
  return (await roomIdForEditor(token)) === roomId;
}
