// Room ids and teacher tokens of a live session. The room id is derived from the teacher's token
// (base64url of its SHA-256), so the relay checks a teacher without storing anything, and a student
// who knows the room id cannot recover the token. Both are 256-bit: unguessable.
import { fromBase64Url, toBase64Url } from './base64url';

/** A room id or a token: 43 base64url characters (32 bytes). */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh teacher token: 32 bytes from the platform's cryptographic generator (not pipeline randomness). */
export function newTeacherToken(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** The room id that belongs to a teacher token. */
export async function roomIdForToken(token: string): Promise<string> {
  if (!ROOM_ID_PATTERN.test(token)) throw new Error('A teacher token is 43 base64url characters.');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', fromBase64Url(token) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}

/** True when the token is the teacher token of the room (compares digests, so timing reveals nothing useful). */
export async function isTeacherToken(roomId: string, token: string | null): Promise<boolean> {
  if (token === null || !ROOM_ID_PATTERN.test(token) || !ROOM_ID_PATTERN.test(roomId)) return false;
  return (await roomIdForToken(token)) === roomId;
}
