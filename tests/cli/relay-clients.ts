// Test helpers for the relay: y-websocket clients in Node (the `ws` package as the WebSocket), and
// waiting for a state with a generous timeout (never for a duration).
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A client of a room: its document and its provider. */
export interface RelayClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events seen so far: code and reason. */
  closes: { code: number; reason: string }[];
  stop(): void;
}

/** Connects a y-websocket client to a room; with a token it is the teacher. */
export function connectClient(url: string, roomId: string, token?: string): RelayClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    stop() {
      try {
        provider.destroy();
      } catch {
        // A hostile test client may have broken its own provider (e.g. by changing its client id).
        provider.ws?.close();
      }
      doc.destroy();
    },
  };
}

/** Resolves once `check` is true, polling; fails after `timeoutMs` naming what it waited for. */
export async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once the client is connected and synced with the relay. */
export function synced(client: RelayClient, what = 'the client to sync'): Promise<void> {
  return until(what, () => client.provider.synced);
}
