import type { BackendChoice, BackendInfo } from './engine-api';
import { EngineClient } from './engine-client';

/**
 * Extra engine workers, one per backend, for work beside the editor's own
 * worker: reproducing a run on its backend, seed studies, backend comparisons.
 * Each worker uses one backend for its whole life (tfjs caches per realm).
 */
export class EnginePool {
  private readonly clients = new Map<string, { client: EngineClient; ready: Promise<BackendInfo> }>();

  constructor(private readonly makeClient: () => EngineClient = () => new EngineClient()) {}

  /** A started client on `backend`, with the backend it really got (rejects when it cannot start). */
  async get(backend: BackendChoice): Promise<{ client: EngineClient; info: BackendInfo }> {
    let entry = this.clients.get(backend);
    if (!entry) {
      const client = this.makeClient();
      entry = { client, ready: client.start(backend) };
      this.clients.set(backend, entry);
      entry.ready.catch(() => this.release(backend));
    }
    return { client: entry.client, info: await entry.ready };
  }

  /** Cancels whatever the pool's workers are running. */
  cancelAll(): void {
    for (const { client } of this.clients.values()) client.cancel();
  }

  /** Stops one backend's worker. */
  release(backend: string): void {
    this.clients.get(backend)?.client.stop();
    this.clients.delete(backend);
  }

  /** Stops every worker. */
  dispose(): void {
    for (const backend of [...this.clients.keys()]) this.release(backend);
  }
}
