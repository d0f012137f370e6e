// Import fuzz (issue 16): 1,000 malformed bundles and 1,000 malformed data files go through the real
// importers (parseBundle + importBundle; the worker's previewFile + storePreviewed) into a Dexie
// database on fake-indexeddb that already holds a workspace. Each ends in a valid import or a clear
// error; after an error every table is as it was; after an import no stored row was replaced and
// every stored data text still hashes to its key.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PipelabError } from '../../src/core/errors';
import { Prng } from '../../src/core/prng';
import { bundleText, collectBundle, importBundle, parseBundle } from '../../src/share/bundle';
import type { PipelabDb } from '../../src/storage/db';
import { getDataset, putDataset } from '../../src/storage/datasets-repo';
import { createPipeline } from '../../src/storage/pipelines-repo';
import { previewFile, storePreviewed } from '../../src/worker/preview-file';
import { loadExample } from '../helpers';
import { workerDb } from '../storage/helpers';
import { sourceDb } from './bundle-fixture';
import { changedRows, dumpDb, rowCounts, type DbDump } from './db-dump';
import { malformedBundle, malformedDataFile } from './malformed-inputs';

const REAL = `a,b,label\n${Array.from({ length: 80 }, (_, i) => `${i},${(i * 7) % 13},${i % 2 ? 'yes' : 'no'}`).join('\n')}\n`;

let valid: string;
let realHash: string;
let storedIds: string[];
let target: PipelabDb;
let baseline: Record<string, unknown[]>;
let before: DbDump;
const closers: (() => void)[] = [];

beforeAll(async () => {
  const source = await sourceDb();
  closers.push(() => source.db.close());
  valid = bundleText(await collectBundle(source.db, source.pipelineId));
  target = workerDb('fuzz-target'); // storePreviewed opens the database by name, as the worker does
  closers.push(() => target.close());
  // The workspace already holds: a file, another pipeline, and part of the bundle itself (renamed).
  realHash = await putDataset(target, 'real.csv', 'csv', REAL);
  const iris = await createPipeline(target, loadExample('iris-logreg'), 'tab-a', 1_000);
  const partial = parseBundle(valid);
  await importBundle(target, { ...partial, pipeline: { ...partial.pipeline, name: 'My copy' }, runs: partial.runs.slice(0, 1), datasets: partial.datasets.slice(0, 1) });
  storedIds = [iris.id, partial.pipeline.id, partial.runs[0].id];
  await takeBaseline();
});

/** Remembers the workspace as it is now: what every attempt is compared with, and reset to. */
async function takeBaseline(): Promise<void> {
  baseline = Object.fromEntries(await Promise.all(target.tables.map(async (t) => [t.name, await t.toArray()] as const)));
  before = await dumpDb(target);
}
afterAll(() => {
  closers.forEach((close) => close());
  vi.unstubAllGlobals();
});

/** Puts the workspace back as it was (after an import that was allowed to add rows). */
async function resetTarget(): Promise<void> {
  await target.transaction('rw', target.tables, async () => {
    for (const t of target.tables) {
      await t.clear();
      await t.bulkAdd(baseline[t.name]);
    }
  });
}

/** Whether an error is one pipelab raised on purpose with a message for a person. */
function clearError(err: unknown): string | null {
  if (!(err instanceof PipelabError)) return `not a pipelab error: ${(err as Error)?.constructor?.name}: ${String((err as Error)?.message).slice(0, 120)}`;
  const m = err.message;
  if (m.length < 20 || m.length > 800 || /undefined|\[object /.test(m)) return `unclear message: ${m.slice(0, 200)}`;
  return null;
}

/** What went wrong with the database after one attempt (empty when all is well). */
async function databaseProblems(imported: boolean): Promise<string[]> {
  const after = await dumpDb(target);
  const problems = changedRows(before, after, isDeepStrictEqual).map((r) => `replaced or lost: ${r}`);
  const grew = !isDeepStrictEqual(rowCounts(after), rowCounts(before));
  if (!imported && grew) problems.push(`a refused import added rows: ${JSON.stringify(rowCounts(after))}`);
  for (const [hash, row] of after.datasets) {
    const d = row as { text?: string; bytes?: Blob }; // an imported file is stored as its bytes, older rows as text
    const content = d.bytes ? Buffer.from(await d.bytes.arrayBuffer()) : Buffer.from(d.text ?? '', 'utf8');
    if (JSON.stringify([createHash('sha256').update(content).digest('hex')]) !== hash) problems.push(`data stored under a false hash ${hash.slice(0, 16)}`);
  }
  if (imported && grew) await resetTarget();
  return problems;
}

/** Asserts no attempt ended badly, listing the distinct bad outcomes if any did. */
function expectNoBadOutcomes(bad: string[], label: string): void {
  expect([...new Set(bad)].slice(0, 10), `${label}: ${bad.length} attempts ended badly`).toEqual([]);
}

describe('import fuzz: malformed input never forges, replaces or half-writes anything', () => {
  it('1,000 malformed bundles: a valid import or a clear error, the database unchanged on error', async () => {
    const rng = new Prng(1_616);
    const bad: string[] = [];
    let imported = 0;
    for (let i = 0; i < 1_000; i++) {
      const { text, what } = malformedBundle(rng, valid, i, realHash, storedIds);
      let ok = false;
      try {
        await importBundle(target, parseBundle(text));
        ok = true;
        imported++;
      } catch (err) {
        const unclear = clearError(err);
        if (unclear) bad.push(`${what}: ${unclear}`);
      }
      bad.push(...(await databaseProblems(ok)).map((p) => `${what}: ${p}`));
    }
    console.log(`malformed bundles: ${imported} of 1,000 imported, the rest refused`);
    expectNoBadOutcomes(bad, 'bundles');
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(1_000);
  }, 600_000); // a ceiling for a busy machine, not a measurement

  it('1,000 malformed data files: a valid import or a clear error, the database unchanged on error', async () => {
    // A lighter workspace (a file and a pipeline, without the bundle's big runs), so each dump is quick.
    await target.transaction('rw', target.tables, async () => {
      for (const t of target.tables) await t.clear();
    });
    await putDataset(target, 'real.csv', 'csv', REAL);
    await createPipeline(target, loadExample('iris-logreg'), 'tab-a', 1_000);
    await takeBaseline();
    const rng = new Prng(1_617);
    const bad: string[] = [];
    let imported = 0;
    for (let i = 0; i < 1_000; i++) {
      const { name, bytes, what } = malformedDataFile(rng);
      let ok = false;
      try {
        const previewed = await previewFile(new File([bytes], name), () => {});
        await storePreviewed(previewed, target.name);
        const stored = await getDataset(target, previewed.preview.hash); // the stored bytes, decoded
        if (stored?.text !== previewed.text) bad.push(`${what}: the stored text is not the previewed one`);
        if (previewed.preview.rows < 1 || previewed.preview.columns.length < 2) bad.push(`${what}: an import without rows or columns`);
        ok = true;
        imported++;
      } catch (err) {
        const unclear = clearError(err);
        if (unclear) bad.push(`${what}: ${unclear}`);
      }
      bad.push(...(await databaseProblems(ok)).map((p) => `${what}: ${p}`));
    }
    console.log(`malformed data files: ${imported} of 1,000 imported, the rest refused`);
    expectNoBadOutcomes(bad, 'data files');
    expect(imported).toBeGreaterThan(0);
  }, 600_000);
});
