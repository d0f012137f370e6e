// One client connection: every message is rate-limited, read, and judged before @y/websocket-server's
// own handler sees it (through a thin stand-in for the socket); a refused message closes the
// connection with the reason, and the room carries on. Close codes: 4403 a rule was broken and
// 4400 a malformed message (y-websocket clients do not reconnect after 44xx), 1008 a rate limit
// (the client may reconnect), 1009 a message over the size limit (sent by ws itself).
import type { IncomingMessage } from 'node:http';
import { getYDoc, setupWSConnection } from '@y/websocket-server/utils';
import type { RawData, WebSocket } from 'ws';
import { guardUpdate, type RelayRole, type RoomWriters } from './update-guard';
import { RateLimiter, type RelayLimits } from './relay-limits';
import { readRelayMessage } from './relay-message';

/** What a connection needs to know about its room and the relay. */
export interface ConnectionContext {
  roomId: string;
  role: RelayRole;
  writers: RoomWriters;
  limits: RelayLimits;
  log: (line: string) => void;
}

const MAX_QUEUED = 64;
/** Yjs client ids one connection may write or announce as (a y-websocket client uses one). */
const MAX_CLIENT_IDS = 16;

/** Serves `ws` in its room until it closes. */
export function attachConnection(ws: WebSocket, req: IncomingMessage, ctx: ConnectionContext): void {
  const limiter = new RateLimiter(ctx.limits, () => performance.now());
  let deliver: ((message: Uint8Array) => void) | null = null;
  let closed = false;
  let queued = 0;
  let chain = Promise.resolve();
  const conn = standIn(ws, (listener) => (deliver = listener));
  const refuse = (reason: string, code = 4403) => {
    if (closed) return;
    closed = true;
    ctx.log(`refused a ${ctx.role} connection in room ${ctx.roomId.slice(0, 8)}…: ${reason}`);
    ws.close(code, reason.slice(0, 120));
  };
  ws.on('error', (error) => refuse(error.message, 1009));
  ws.on('close', () => {
    closed = true;
    for (const [id, owner] of ctx.writers.owners) if (owner === conn) ctx.writers.owners.delete(id);
  });
  ws.on('message', (data, isBinary) => {
    if (closed) return;
    if (!isBinary) return refuse('text messages are not part of the protocol', 4400);
    const bytes = toBytes(data);
    if (!limiter.take(bytes.length)) return refuse('too many messages or bytes too fast (rate limit)', 1008);
    if (++queued > MAX_QUEUED) return refuse('too many messages waiting to be checked', 1008);
    chain = chain.then(async () => {
      const verdict = await judge(bytes, conn, ctx).catch((error: Error) => `could not check the message (${error.message})`);
      queued--;
      if (closed) return;
      if (verdict === 'pass') deliver?.(bytes);
      else if (verdict !== 'drop') refuse(verdict, verdict.startsWith('malformed') ? 4400 : 4403);
    });
  });
  setupWSConnection(conn as unknown as WebSocket, req, { docName: ctx.roomId, gc: true });
}

/** 'pass', 'drop' (ignored quietly), or the reason to refuse. */
async function judge(bytes: Uint8Array, conn: object, ctx: ConnectionContext): Promise<string> {
  const message = readRelayMessage(bytes);
  if (message.kind === 'malformed') return `malformed message: ${message.reason}`;
  if (message.kind === 'sync-request') return 'pass';
  const owners = ctx.writers.owners;
  const ownedAfter = (ids: number[]) => new Set([...ids, ...[...owners].filter(([, c]) => c === conn).map(([id]) => id)]).size;
  if (message.kind === 'awareness') {
    if (message.clients.some((id) => (owners.get(id) ?? conn) !== conn)) return 'drop';
    // Presence that claims a role above the connection's (a student as "teacher") is not passed on.
    if (message.roles.some((role) => claimsMore(role, ctx.role))) return 'drop';
    if (ownedAfter(message.clients) > MAX_CLIENT_IDS) return `one connection may speak for at most ${MAX_CLIENT_IDS} Yjs clients`;
    for (const id of message.clients) owners.set(id, conn);
    return 'pass';
  }
  const doc = getYDoc(ctx.roomId, true);
  const result = await guardUpdate(doc, ctx.roomId, message.update, ctx.role, conn, ctx.writers, ctx.limits.maxRoomBytes);
  if (!result.ok) return result.reason;
  if (ownedAfter(result.writers) > MAX_CLIENT_IDS) return `one connection may write as at most ${MAX_CLIENT_IDS} Yjs clients`;
  for (const id of result.writers) {
    owners.set(id, conn);
    if (ctx.role !== 'student') ctx.writers.teacherClients.add(id);
    if (ctx.role === 'teacher') ctx.writers.ownerClients.add(id);
  }
  return 'pass';
}

function claimsMore(claimed: string | null, role: RelayRole): boolean {
  if (claimed === 'teacher') return role !== 'teacher';
  return claimed === 'editor' && role === 'student';
}

/** The socket as @y/websocket-server sees it: the same, except that messages come only through the judge. */
function standIn(ws: WebSocket, onMessageListener: (listener: (message: Uint8Array) => void) => void): object {
  return {
    set binaryType(value: 'arraybuffer') {
      ws.binaryType = value;
    },
    get readyState() {
      return ws.readyState;
    },
    send: (data: Uint8Array, options: object, callback: (error?: Error) => void) => ws.send(data, options, callback),
    ping: () => ws.ping(),
    close: () => ws.close(),
    on(event: string, listener: (...args: unknown[]) => void) {
      if (event === 'message') onMessageListener(listener);
      else ws.on(event, listener);
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
