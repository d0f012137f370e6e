import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import { createPipeline } from '../../src/storage/pipelines-repo';
import { CONFLICT_LABEL, savePipelineSpec } from '../../src/storage/save-spec';
import { getHead, listVersions, recordVersion } from '../../src/storage/versions-repo';
import { loadExample } from '../helpers';
import { databasesPerTest } from './helpers';

const db = databasesPerTest();
const withSeed = (seed: number): PipelineSpec => ({ ...loadExample('iris-logreg'), seed });
const seedsOf = (specs: { spec: PipelineSpec }[]) => specs.map((v) => v.spec.seed).sort((a, b) => a - b);

describe('saving a spec checks the revision in the transaction', () => {
  it('on the current revision: writes the head, bumps the revision, keeps no version', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(1), 'tab-a');
    expect(await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-a')).toEqual({ rev: 2, conflict: null });
    expect(await savePipelineSpec(d, p.id, withSeed(3), 2, 'tab-a')).toEqual({ rev: 3, conflict: null });
    expect((await d.pipelines.get(p.id))?.spec.seed).toBe(3);
    expect(await listVersions(d, p.id)).toEqual([]);
  });

  it('over a newer write of another tab: that write stays the head; both are kept and the result says so', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(1), 'tab-a');
    await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-b');
    const late = await savePipelineSpec(d, p.id, withSeed(3), 1, 'tab-a');
    expect(late.rev).toBe(2);
    expect(late.conflict?.spec.seed).toBe(2);
    const row = await d.pipelines.get(p.id);
    expect(row).toMatchObject({ rev: 2, writer: 'tab-b' });
    expect(row?.spec.seed).toBe(2);
    const versions = await listVersions(d, p.id);
    expect(seedsOf(versions)).toEqual([2, 3]);
    expect(versions.find((v) => v.spec.seed === 3)).toMatchObject({ label: CONFLICT_LABEL, reason: 'concurrent-edit', hash: late.conflict?.kept });
  });

  it('over its own earlier write (its base not yet updated): writes, no conflict', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(1), 'tab-a');
    await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-a');
    expect(await savePipelineSpec(d, p.id, withSeed(3), 1, 'tab-a')).toEqual({ rev: 3, conflict: null });
    expect(await listVersions(d, p.id)).toEqual([]);
  });

  it('the same spec as the newer write is no conflict', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(1), 'tab-a');
    await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-b');
    expect(await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-a')).toEqual({ rev: 2, conflict: null });
    expect(await listVersions(d, p.id)).toEqual([]);
  });

  it('keepBase keeps another tab’s head as a version before replacing it; its own head is not kept', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(1), 'tab-a');
    await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-b');
    expect(await savePipelineSpec(d, p.id, withSeed(3), 2, 'tab-a', { keepBase: true })).toEqual({ rev: 3, conflict: null });
    expect(await savePipelineSpec(d, p.id, withSeed(4), 3, 'tab-a', { keepBase: true })).toEqual({ rev: 4, conflict: null });
    const versions = await listVersions(d, p.id);
    expect(seedsOf(versions)).toEqual([2]);
    expect(versions[0]).toMatchObject({ label: '', reason: 'concurrent-edit' });
  });

  it('a kept version descends from the head version', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(1), 'tab-a');
    const head = await recordVersion(d, p.id, withSeed(1), 'run');
    await savePipelineSpec(d, p.id, withSeed(2), 1, 'tab-b');
    await savePipelineSpec(d, p.id, withSeed(3), 1, 'tab-a');
    const kept = (await listVersions(d, p.id)).filter((v) => v.reason === 'concurrent-edit');
    expect(kept.map((v) => v.parent)).toEqual([head, head]);
    expect(await getHead(d, p.id)).toBe(head);
  });

  it('eight tabs saving on the same revision at once: one becomes the head, the other seven are kept', async () => {
    const d = db();
    const p = await createPipeline(d, withSeed(0), 'tab-0');
    const tabs = [1, 2, 3, 4, 5, 6, 7, 8];
    const results = await Promise.all(tabs.map((n) => savePipelineSpec(d, p.id, withSeed(n), 1, `tab-${n}`)));
    const winners = tabs.filter((_, i) => results[i].conflict === null);
    expect(winners).toHaveLength(1);
    const row = await d.pipelines.get(p.id);
    expect(row?.spec.seed).toBe(winners[0]);
    expect(row?.rev).toBe(2);
    const conflicted = (await listVersions(d, p.id)).filter((v) => v.label === CONFLICT_LABEL);
    expect(seedsOf(conflicted)).toEqual(tabs.filter((n) => n !== winners[0]));
  });

  it('refuses a pipeline that does not exist, writing nothing', async () => {
    const d = db();
    await expect(savePipelineSpec(d, 'nope', withSeed(1), 1, 'tab-a')).rejects.toThrow('No pipeline nope');
    expect(await d.versions.count()).toBe(0);
  });
});
