// Reads one y-websocket message far enough to judge it: which kind it is and, for document
// updates, the update bytes; for awareness, the client ids it speaks for and the role each state claims
// (`user.role`). Anything else is malformed.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** What a client's message is, as far as the relay's rules care. */
export type RelayMessage =
  | { kind: 'sync-request' }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; clients: number[]; roles: (string | null)[] }
  | { kind: 'malformed'; reason: string };

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Classifies a message; never throws. */
export function readRelayMessage(message: Uint8Array): RelayMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    const result = type === MESSAGE_SYNC ? readSync(decoder) : type === MESSAGE_AWARENESS ? readAwareness(decoder) : null;
    if (result === null) return { kind: 'malformed', reason: `unknown message type ${type}` };
    if (decoding.hasContent(decoder)) return { kind: 'malformed', reason: 'trailing bytes after the message' };
    return result;
  } catch {
    return { kind: 'malformed', reason: 'the message cannot be decoded' };
  }
}

function readSync(decoder: decoding.Decoder): RelayMessage | null {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === SYNC_STEP1) {
    Y.decodeStateVector(payload);
    return { kind: 'sync-request' };
  }
  return step === SYNC_STEP2 || step === SYNC_UPDATE ? { kind: 'update', update: payload } : null;
}

function readAwareness(decoder: decoding.Decoder): RelayMessage {
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(inner);
  const clients: number[] = [];
  const roles: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(inner));
    decoding.readVarUint(inner);
    const state = JSON.parse(decoding.readVarString(inner)) as { user?: { role?: unknown } } | null;
    const role = state?.user?.role;
    roles.push(typeof role === 'string' ? role : null);
  }
  if (decoding.hasContent(inner)) return { kind: 'malformed', reason: 'trailing bytes after the awareness update' };
  return { kind: 'awareness', clients, roles };
}
