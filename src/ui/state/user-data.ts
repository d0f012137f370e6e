import type { PipelineSpec } from '../../core/spec';
import type { PipelabDb } from '../../storage/db';
import { getDataset } from '../../storage/datasets-repo';

/** Content hashes of the user's files a pipeline reads (its enabled import steps). */
export function importedHashes(spec: PipelineSpec): string[] {
  return spec.steps.filter((s) => s.enabled && s.kind === 'data.import' && s.params.hash).map((s) => String(s.params.hash));
}

/** The texts of those files that are stored in this browser, by hash (missing ones are left out). */
export async function userDataFor(db: PipelabDb, spec: PipelineSpec): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const hash of importedHashes(spec)) {
    const row = await getDataset(db, hash);
    if (row) out[hash] = row.text;
  }
  return out;
}
