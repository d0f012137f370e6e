import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import { adoptDataVersion, dataVersionOf, dataVersions, earlierData, hasNewData, pipelinesUsingData, withDataHash } from '../../src/storage/data-versions-repo';
import { putDataset } from '../../src/storage/datasets-repo';
import { createPipeline, deletePipeline } from '../../src/storage/pipelines-repo';
import { listVersions } from '../../src/storage/versions-repo';
import { saveRun } from '../../src/storage/runs-repo';
import { withUserData } from '../../src/engine/data-source';
import { run } from '../helpers';
import { bareView, databasesPerTest } from './helpers';

const db = databasesPerTest();

const start = Date.now();
let ticks = 0;
/** Moves the clock the repositories read forward a second: the next import is later, without waiting on a real timer. */
const later = () => vi.spyOn(Date, 'now').mockReturnValue(start + ++ticks * 1000);
afterEach(() => vi.restoreAllMocks());

const V1 = 'x,y\n1,a\n2,b\n3,a\n';
const V2 = 'x,y\n1,a\n2,b\n3,a\n4,b\n';

function importing(name: string, hash: string): PipelineSpec {
  return {
    format: 'pipelab/pipeline', version: 1, name: 'mine', seed: 1,
    steps: [
      { id: 'data', kind: 'data.import', params: { name, hash, target: 'y', task: 'classification', columns: [] }, enabled: true },
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: false }, enabled: true },
    ],
  };
}

describe('data set versions', () => {
  it('number the files imported under one name in import order; generated data never counts', async () => {
    const d = db();
    const h1 = await putDataset(d, 'sales.csv', 'csv', V1);
    later();
    const h2 = await putDataset(d, 'sales.csv', 'csv', V2);
    await putDataset(d, 'sales.csv', 'csv', 'x,y\n9,z\n', { origin: 'generated' });
    expect((await dataVersions(d, 'sales.csv')).map((v) => [v.hash, v.number])).toEqual([[h1, 1], [h2, 2]]);
    expect(await dataVersionOf(d, h2)).toEqual({ name: 'sales.csv', number: 2, of: 2 });
    expect(await dataVersionOf(d, 'f'.repeat(64))).toBeNull();
  });

  it('re-importing the same content adds no version', async () => {
    const d = db();
    await putDataset(d, 'sales.csv', 'csv', V1);
    await putDataset(d, 'sales.csv', 'csv', V1);
    expect(await dataVersions(d, 'sales.csv')).toHaveLength(1);
  });

  it('a new version is adopted by every pipeline reading that file, as a saved edit; others are untouched', async () => {
    const d = db();
    const h1 = await putDataset(d, 'sales.csv', 'csv', V1);
    const h2 = await putDataset(d, 'sales.csv', 'csv', V2);
    const a = await createPipeline(d, importing('sales.csv', h1), 'tab');
    const b = await createPipeline(d, importing('other.csv', h1), 'tab');
    const gone = await createPipeline(d, importing('sales.csv', h1), 'tab');
    await deletePipeline(d, gone.id);
    expect((await pipelinesUsingData(d, 'sales.csv')).map((p) => p.id)).toEqual([a.id]);
    expect(await earlierData(d, 'sales.csv', 'e'.repeat(64))).toEqual({ users: 1, nextNumber: 3 });
    expect(await earlierData(d, 'sales.csv', h2), 'content already stored').toBeNull();
    expect(await earlierData(d, 'never.csv', h2)).toBeNull();
    expect(await hasNewData(d, a.id)).toBe(false);
    expect(await adoptDataVersion(d, 'sales.csv', h2)).toEqual([a.id]);
    expect(await hasNewData(d, a.id)).toBe(true);
    const row = await d.pipelines.get(a.id);
    expect(row?.spec.steps[0].params.hash).toBe(h2);
    expect(row?.rev).toBe(2);
    expect(row?.staleData).toBe('sales.csv');
    expect((await d.pipelines.get(b.id))?.staleData).toBeUndefined();
    expect((await d.pipelines.get(b.id))?.spec.steps[0].params.hash).toBe(h1);
    expect(await listVersions(d, a.id)).toEqual([]);
    expect(await adoptDataVersion(d, 'sales.csv', h2)).toEqual([]);
  });

  it('withDataHash leaves a disabled import step and other steps as they were', () => {
    const spec = importing('sales.csv', 'a'.repeat(64));
    expect(withDataHash(spec, 'sales.csv', 'a'.repeat(64))).toBeNull();
    const off = { ...spec, steps: spec.steps.map((s) => ({ ...s, enabled: s.id !== 'data' })) };
    expect(withDataHash(off, 'sales.csv', 'b'.repeat(64))).toBeNull();
    const moved = withDataHash(spec, 'sales.csv', 'b'.repeat(64));
    expect(moved?.steps[0].params).toEqual({ ...spec.steps[0].params, hash: 'b'.repeat(64) });
    expect(moved?.steps[1]).toBe(spec.steps[1]);
  });

  it('a stored run says which version of the file it read', async () => {
    const d = db();
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7},${i % 2 ? 'a' : 'b'}`).join('\n');
    const h1 = await putDataset(d, 'sales.csv', 'csv', `x,y\n${rows}\n`);
    later();
    const text2 = `x,y\n${rows}\n3,a\n`;
    const h2 = await putDataset(d, 'sales.csv', 'csv', text2);
    const p = await createPipeline(d, importing('sales.csv', h1), 'tab');
    const { record } = await run(importing('sales.csv', h2), { dataSource: withUserData({ load: () => Promise.reject(new Error('no')) }, { [h2]: text2 }) });
    expect(record.status).toBe('done');
    const stored = await saveRun(d, p.id, bareView(record));
    expect(stored.dataVersions).toEqual({ data: { name: 'sales.csv', number: 2, hash: h2 } });
    await adoptDataVersion(d, 'sales.csv', h2);
    expect((await d.pipelines.get(p.id))?.staleData).toBe('sales.csv');
    await saveRun(d, p.id, bareView(record));
    expect((await d.pipelines.get(p.id))?.staleData).toBeNull();
  });
});
