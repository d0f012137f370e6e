import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A static file server the offline and update tests can stop, restart and point at another build. */
export class StaticServer {
  /** The directory served now (swap it to deploy another build). */
  root: string;
  /** Paths requested, in order (for checking which build's files a page loaded). */
  readonly requests: string[] = [];
  private server: Server | null = null;
  private port = 0;

  constructor(root: string) {
    this.root = root;
  }

  /** Starts serving (on the same port as before after a stop); returns the base URL. */
  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      this.requests.push(pathname);
      const file = path.join(this.root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      if (!file.startsWith(this.root)) return void res.writeHead(403).end();
      readFile(file).then(
        (body) => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
        () => res.writeHead(404).end('not found'),
      );
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Stops serving and drops open connections: from now on the app gets no answer at all. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
