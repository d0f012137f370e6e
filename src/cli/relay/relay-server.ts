// The classroom relay: an HTTP server whose WebSocket upgrades at /<room id> are served by
// @y/websocket-server (the y-websocket protocol), behind pipelab's rules (relay-connection.ts).
// A `?token=` that hashes to the room id makes the connection the teacher's, an `?editor=` one a
// co-editor's (see share/live-room.ts); neither makes it a student's. @y/websocket-server keeps
// its rooms in module state, so one process runs one relay at a time.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { docs, getYDoc, setPersistence } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { isEditorToken, isTeacherToken, ROOM_ID_PATTERN } from '../../share/live-room';
import { attachConnection } from './relay-connection';
import { DEFAULT_LIMITS, type RelayLimits } from './relay-limits';
import { roomFiles } from './room-files';
import { teacherClientsOf, type RoomWriters } from './update-guard';

/** How to start a relay. */
export interface RelayOptions {
  port?: number;
  host?: string;
  /** A directory to keep one file per room in; without it, rooms live in memory only. */
  dataDir?: string;
  limits?: Partial<RelayLimits>;
  log?: (line: string) => void;
}

/** A running relay. */
export interface Relay {
  /** ws://host:port, the base URL clients connect to (the room id is appended). */
  url: string;
  port: number;
  /** Rooms in memory and open connections. */
  stats(): { rooms: number; connections: number };
  /** Closes every connection, writes every room (with persistence) and stops listening. */
  close(): Promise<void>;
}

/** Starts a relay; resolves once it listens. */
export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const persistence = options.dataDir ? roomFiles(options.dataDir) : null;
  setPersistence(persistence && { ...persistence, provider: null });
  const rooms = new Map<string, RoomWriters>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const server = http.createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('pipelab relay: connect with a y-websocket client at /<room id>.\n');
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    admit(req, socket, head, { limits, log, rooms, wss }).catch((error: Error) => reject(socket, 500, error.message));
  });
  await new Promise<void>((resolve, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 1234, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stats: () => ({ rooms: docs.size, connections: wss.clients.size }),
    close: () => closeRelay(server, wss, persistence),
  };
}

interface Admission {
  limits: RelayLimits;
  log: (line: string) => void;
  rooms: Map<string, RoomWriters>;
  wss: WebSocketServer;
}

/** Checks an upgrade request (room id, teacher token, room and relay capacity) and serves it or answers with an HTTP error. */
async function admit(req: http.IncomingMessage, socket: Duplex, head: Buffer, { limits, log, rooms, wss }: Admission): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://relay');
  const roomId = url.pathname.split('/').pop() ?? '';
  if (!ROOM_ID_PATTERN.test(roomId)) return reject(socket, 404, 'not a room id');
  const token = url.searchParams.get('token');
  const editor = url.searchParams.get('editor');
  const teacher = await isTeacherToken(roomId, token);
  if (token !== null && !teacher) return reject(socket, 403, 'wrong teacher token for this room');
  if (editor !== null && (token !== null || !(await isEditorToken(roomId, editor)))) return reject(socket, 403, 'wrong co-editor token for this room');
  const role = teacher ? 'teacher' : editor !== null ? 'editor' : 'student';
  if ((docs.get(roomId)?.conns.size ?? 0) >= limits.maxConnectionsPerRoom) return reject(socket, 503, 'the room is full');
  if (!docs.has(roomId) && docs.size >= limits.maxRooms) return reject(socket, 503, 'the relay holds as many rooms as it may');
  const writers = rooms.get(roomId) ?? { teacherClients: teacherClientsOf(getYDoc(roomId, true)), ownerClients: new Set<number>(), owners: new Map<number, object>() };
  rooms.set(roomId, writers);
  wss.handleUpgrade(req, socket, head, (ws) => attachConnection(ws, req, { roomId, role, writers, limits, log }));
}

async function closeRelay(server: http.Server, wss: WebSocketServer, persistence: ReturnType<typeof roomFiles> | null): Promise<void> {
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  persistence?.flush();
  for (const [name, doc] of docs) {
    if (persistence) await persistence.writeState(name, doc);
    doc.destroy();
  }
  docs.clear();
  setPersistence(null);
}

function reject(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${message}\n`);
}
