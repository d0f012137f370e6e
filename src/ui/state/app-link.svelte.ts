import { sha256Hex } from '../../core/hash';
import type { AuthorCheck } from '../../share/compare-author';
import type { SharedData, SharePayload } from '../../share/share-payload';
import type { PipelabDb } from '../../storage/db';
import { putDataset } from '../../storage/datasets-repo';
import { formatOf } from '../../steps/data/parse-user-data';
import type { DataOptions } from '../../worker/engine-api';
import { storeSharedData, type SharedDataCheck } from './shared-data';

/** A file a shared pipeline reads that this browser does not have. */
export interface MissingData {
  readonly name: string;
  readonly hash: string;
}

/**
 * The share link open in the editor: its pipeline (read-only until the first edit forks
 * it), its embedded data (stored only once the user uses the pipeline), the files to ask
 * the user for, and how the user's run compares with the author's result.
 */
export class SharedLink {
  /** The shared pipeline opened from a link; null once left or forked. */
  payload = $state.raw<SharePayload | null>(null);
  /** How the last run of the shared pipeline compares with the author's result. */
  authorCheck = $state.raw<AuthorCheck | null>(null);
  /** The shared pipeline was edited after the check: the result no longer compares with the author's. */
  authorChanged = $state(false);
  /** Files the shared pipeline reads that this browser does not have: the user is asked for them. */
  missingData = $state.raw<readonly MissingData[]>([]);
  /** Data embedded in the link, checked against its hash: stored only when the user runs or forks it. */
  private pending: SharedData[] = [];
  /** The editor's revision right after the link's pipeline was loaded (a later revision is an edit). */
  private revision = -1;

  /** Shows a link: its payload, loaded into the editor at `revision`, and its data as checked. */
  show(payload: SharePayload, revision: number, data: SharedDataCheck): void {
    this.leave();
    this.missingData = data.missing;
    this.pending = data.pending;
    this.revision = revision;
    this.payload = payload;
  }

  /** Leaves the link behind: its read-only state, embedded data and author check (the files asked for stay listed). */
  leave(): void {
    this.payload = null;
    this.pending = [];
    this.authorCheck = null;
    this.authorChanged = false;
  }

  /** Whether the editor at `revision` holds an edit of the open link's pipeline (which forks it). */
  editedAt(revision: number): boolean {
    return this.payload !== null && revision !== this.revision;
  }

  /** Ends read-only mode for a fork and returns the original payload (null: no link open); a result checked before no longer compares. */
  fork(): SharePayload | null {
    const payload = this.payload;
    if (!payload) return null;
    this.payload = null;
    if (this.authorCheck) this.authorChanged = true;
    return payload;
  }

  /** Stores the link's embedded data, once the user uses the pipeline (runs, forks, studies or exports it). */
  async keepData(db: PipelabDb): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length) await storeSharedData(db, pending);
  }

  /** Where a preview (the data plot) reads the user's files: the database, plus the link's embedded files not stored yet. */
  previewDataOptions(dataDb: string): DataOptions {
    const userData = Object.fromEntries(this.pending.flatMap((d) => (d.csv === null ? [] : [[d.hash, d.csv] as const])));
    return Object.keys(userData).length ? { dataDb, userData } : { dataDb };
  }

  /** Keeps a file the user picked when its content is the one asked for; returns whether it was. */
  async provide(db: PipelabDb, text: string): Promise<boolean> {
    const hash = await sha256Hex(text);
    const wanted = this.missingData.find((m) => m.hash === hash);
    if (!wanted) return false;
    await putDataset(db, wanted.name, formatOf(wanted.name), text);
    this.missingData = this.missingData.filter((m) => m.hash !== hash);
    return true;
  }
}
