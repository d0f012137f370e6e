import { sha256Hex } from '../../core/hash';
import type { PipelineSpec } from '../../core/spec';
import { deflate } from '../../share/compress';
import { ShareError } from '../../share/share-error';
import type { SharedData, SharePayload } from '../../share/share-payload';
import type { PipelabDb } from '../../storage/db';
import { getDataset, hasDataset, putDataset } from '../../storage/datasets-repo';
import { formatOf } from '../../steps/data/parse-user-data';

/** Largest compressed size of a data set embedded in a link; bigger ones travel by name and hash. */
export const EMBED_LIMIT = 32 * 1024;

/** The data entries of a link: each imported file embedded when it compresses to 32 KB or less, else named by hash. */
export async function linkData(db: PipelabDb, spec: PipelineSpec): Promise<SharedData[]> {
  const out: SharedData[] = [];
  for (const step of spec.steps.filter((s) => s.enabled && s.kind === 'data.import' && s.params.hash)) {
    const hash = String(step.params.hash);
    const row = await getDataset(db, hash);
    const small = row ? (await deflate(new TextEncoder().encode(row.text))).length <= EMBED_LIMIT : false;
    out.push({ stepId: step.id, name: String(step.params.name), hash, csv: row && small ? row.text : null });
  }
  return out;
}

/** A link's data sorted on opening: embedded files checked against their hash (kept in memory), and files to ask for. */
export interface SharedDataCheck {
  /** Embedded files whose text matches its hash, not yet in this browser: stored only when the user runs or forks. */
  readonly pending: SharedData[];
  /** Files neither embedded nor already here: the user is asked for them. */
  readonly missing: { name: string; hash: string }[];
}

/**
 * Hashes the data a link embeds and refuses the link when one does not match its hash.
 * Stores nothing: opening a link is only looking at it (see storeSharedData).
 */
export async function checkSharedData(db: PipelabDb, payload: SharePayload): Promise<SharedDataCheck> {
  const pending: SharedData[] = [];
  const missing: { name: string; hash: string }[] = [];
  for (const d of payload.data) {
    if (await hasDataset(db, d.hash)) continue; // counted by key: a stored file's text is not read
    if (d.csv === null) missing.push({ name: d.name, hash: d.hash });
    else if ((await sha256Hex(d.csv)) === d.hash) pending.push(d);
    else throw new ShareError(`The data "${d.name.slice(0, 80)}" in the link does not match its content hash: the link was damaged or altered.`);
  }
  return { pending, missing };
}

/** Stores a link's checked embedded data (once the user runs or forks its pipeline); a stored row is never replaced. */
export async function storeSharedData(db: PipelabDb, pending: readonly SharedData[]): Promise<void> {
  for (const d of pending) {
    if (d.csv !== null && (await sha256Hex(d.csv)) === d.hash) await putDataset(db, d.name, formatOf(d.name), d.csv);
  }
}
