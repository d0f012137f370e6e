import { sha256Hex } from '../../core/hash';
import type { PipelineSpec } from '../../core/spec';
import { deflate } from '../../share/compress';
import type { SharedData, SharePayload } from '../../share/share-payload';
import type { PipelabDb } from '../../storage/db';
import { getDataset, putDataset } from '../../storage/datasets-repo';
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

/**
 * Stores the data a link embeds (after checking each against its hash) and
 * returns the files that are neither embedded nor already here: the user is asked for them.
 */
export async function attachSharedData(db: PipelabDb, payload: SharePayload): Promise<{ name: string; hash: string }[]> {
  const missing: { name: string; hash: string }[] = [];
  for (const d of payload.data) {
    if (await getDataset(db, d.hash)) continue;
    if (d.csv !== null && (await sha256Hex(d.csv)) === d.hash) await putDataset(db, d.name, formatOf(d.name), d.csv);
    else missing.push({ name: d.name, hash: d.hash });
  }
  return missing;
}
