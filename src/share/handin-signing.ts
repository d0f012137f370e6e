// Signed hand-ins: each browser keeps an ECDSA P-256 key pair (WebCrypto, in browsers and Node 20)
// and signs its hand-ins, so the board (and the relay) can tell an entry written by someone else.
import { fromBase64Url, toBase64Url } from './base64url';
import type { HandinEntry } from './live-doc';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Where a browser keeps its key pair (IndexedDB in the app: CryptoKeys are structured-cloneable). */
export interface KeyPairStore {
  load(): Promise<CryptoKeyPair | undefined>;
  save(keys: CryptoKeyPair): Promise<void>;
}

/** A new key pair; the private key cannot be exported. */
export async function generateHandinKeys(): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

/** The browser's key pair: the stored one, or a new one that is stored first. */
export async function loadOrCreateHandinKeys(store: KeyPairStore): Promise<CryptoKeyPair> {
  const existing = await store.load();
  if (existing) return existing;
  const keys = await generateHandinKeys();
  await store.save(keys);
  return keys;
}

/** The public key as base64url text (raw uncompressed point, 65 bytes). */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', publicKey)));
}

/** The slot of a public key in the `handins` map: base64url SHA-256 of the raw key bytes. */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', fromBase64Url(publicKey) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}

/** The exact text a hand-in signature covers: the room too, so an entry cannot be replayed in another session. */
export function handinSigningText(roomId: string, entry: Pick<HandinEntry, 'code' | 'publicKey' | 'at'>): string {
  return JSON.stringify(['pipelab/handin', 1, roomId, entry.code, entry.publicKey, entry.at]);
}

/** A signed hand-in entry and the slot it belongs in. */
export async function signHandin(keys: CryptoKeyPair, roomId: string, code: string, at: number): Promise<{ slot: string; entry: HandinEntry }> {
  const publicKey = await exportPublicKey(keys.publicKey);
  const text = new TextEncoder().encode(handinSigningText(roomId, { code, publicKey, at }));
  const signature = toBase64Url(new Uint8Array(await globalThis.crypto.subtle.sign(SIGN, keys.privateKey, text)));
  return { slot: await keyFingerprint(publicKey), entry: { code, publicKey, signature, at } };
}

/** True when the entry is signed by its own key and sits in that key's slot; false for anything else, never throws. */
export async function verifyHandin(roomId: string, slot: string, entry: HandinEntry): Promise<boolean> {
  try {
    if ((await keyFingerprint(entry.publicKey)) !== slot) return false;
    const key = await globalThis.crypto.subtle.importKey('raw', fromBase64Url(entry.publicKey) as Uint8Array<ArrayBuffer>, ALGORITHM, false, ['verify']);
    const text = new TextEncoder().encode(handinSigningText(roomId, entry));
    return await globalThis.crypto.subtle.verify(SIGN, key, fromBase64Url(entry.signature) as Uint8Array<ArrayBuffer>, text);
  } catch {
    return false;
  }
}
