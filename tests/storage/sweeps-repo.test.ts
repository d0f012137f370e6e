import { describe, expect, it, vi } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import type { RunRecord } from '../../src/engine/run-record';
import { sweepGrid, type SweepAxis } from '../../src/engine/sweep';
import type { PipelabDb } from '../../src/storage/db';
import { createPipeline } from '../../src/storage/pipelines-repo';
import { listRuns } from '../../src/storage/runs-repo';
import {
  activeSweeps, cancelSweep, completePoint, createSweep, failPoint, getSweep, listSweeps, markPointRunning, nextPoint, resumeSweep,
} from '../../src/storage/sweeps-repo';
import { getHead, listVersions, recordVersion } from '../../src/storage/versions-repo';
import { loadExample, run } from '../helpers';
import { bareView, databasesPerTest } from './helpers';

const db = databasesPerTest();

const iris = (): PipelineSpec => loadExample('iris-logreg');
const axes: SweepAxis[] = [{ stepId: 'model', param: 'learningRate', values: [0.05, 0.2] }];

async function newSweep(d: PipelabDb, now = 1000) {
  const pipeline = await createPipeline(d, iris(), 'tab');
  const grid = sweepGrid(iris(), axes, 2);
  const sweep = await createSweep(d, {
    pipelineId: pipeline.id, baseSpec: iris(), axes, seeds: 2, metric: 'accuracy', backend: 'cpu',
    points: grid.map((p) => ({ settings: p.settings, seed: p.seed })),
  }, now);
  return { pipeline, grid, sweep };
}

/** A cheap record standing in for a run of a point (the repo stores whatever the engine returned). */
function fakeRecord(real: RunRecord, status: RunRecord['status'], accuracy: number): RunRecord {
  return { ...real, status, metrics: status === 'done' ? { accuracy } : {}, error: status === 'done' ? null : { step: 'model', message: 'boom' } } as RunRecord;
}

describe('sweeps repository', () => {
  it('creates a sweep with every point queued, listed per pipeline and as active', async () => {
    const d = db();
    const { pipeline, sweep } = await newSweep(d);
    expect(sweep.points.map((p) => [p.settings['model.learningRate'], p.seed, p.status])).toEqual([
      [0.05, 42, 'queued'], [0.05, 43, 'queued'], [0.2, 42, 'queued'], [0.2, 43, 'queued'],
    ]);
    expect((await listSweeps(d, pipeline.id)).map((s) => s.id)).toEqual([sweep.id]);
    expect((await activeSweeps(d)).map((s) => s.id)).toEqual([sweep.id]);
    expect(nextPoint(sweep)).toBe(0);
  });

  it('stores a finished point as a run of the pipeline tagged with the sweep, and marks it done in the same write', async () => {
    const d = db();
    const { pipeline, sweep, grid } = await newSweep(d);
    const { record } = await run(grid[0].spec);
    await markPointRunning(d, sweep.id, 0);
    const { run: stored, sweep: after } = await completePoint(d, sweep.id, 0, bareView(record));
    expect(after.points[0]).toMatchObject({ status: 'done', runId: stored.id, resultHash: record.resultHash, metrics: record.metrics });
    expect(stored.sweep).toEqual({ id: sweep.id, point: 0 });
    const runs = await listRuns(d, pipeline.id);
    expect(runs.map((r) => r.id)).toEqual([stored.id]);
    expect(runs[0].summary.seed).toBe(42);
    // The pipeline's own last run is not replaced by a sweep point.
    expect((await d.pipelines.get(pipeline.id))?.lastRunId).toBeNull();
    expect(nextPoint(after)).toBe(1);
  });

  it('is atomic: when marking the point fails, the run is not stored either (and the point stays to be run)', async () => {
    const d = db();
    const { pipeline, sweep, grid } = await newSweep(d);
    const { record } = await run(grid[0].spec);
    await markPointRunning(d, sweep.id, 0);
    const spy = vi.spyOn(d.sweeps, 'put').mockRejectedValueOnce(new Error('write failed'));
    await expect(completePoint(d, sweep.id, 0, bareView(record))).rejects.toThrow('write failed');
    spy.mockRestore();
    expect(await listRuns(d, pipeline.id)).toEqual([]);
    const after = await getSweep(d, sweep.id);
    expect(after?.points[0].status).toBe('running');
    expect(after && nextPoint(after)).toBe(0);
  });

  it('marks a failed run failed with its message, and settles the sweep as done when nothing is left', async () => {
    const d = db();
    const { sweep, grid } = await newSweep(d);
    const { record } = await run(grid[0].spec);
    await completePoint(d, sweep.id, 0, bareView(fakeRecord(record, 'done', 0.9)));
    await completePoint(d, sweep.id, 1, bareView(fakeRecord(record, 'failed', 0)));
    await failPoint(d, sweep.id, 2, 'the worker crashed');
    const before = await getSweep(d, sweep.id);
    expect(before?.status).toBe('running');
    expect(before?.points.map((p) => p.status)).toEqual(['done', 'failed', 'failed', 'queued']);
    expect(before?.points[1].error).toBe('boom');
    expect(before?.points[2].error).toBe('the worker crashed');
    const { sweep: last } = await completePoint(d, sweep.id, 3, bareView(fakeRecord(record, 'done', 0.8)));
    expect(last.status).toBe('done');
    expect(await activeSweeps(d)).toEqual([]);
  });

  it('cancel puts the point in flight back in the queue and stops the sweep; resume makes it active again', async () => {
    const d = db();
    const { sweep } = await newSweep(d);
    await markPointRunning(d, sweep.id, 0);
    const cancelled = await cancelSweep(d, sweep.id);
    expect(cancelled?.status).toBe('cancelled');
    expect(cancelled?.points.map((p) => p.status)).toEqual(['queued', 'queued', 'queued', 'queued']);
    expect(await activeSweeps(d)).toEqual([]);
    const resumed = await resumeSweep(d, sweep.id);
    expect(resumed?.status).toBe('running');
    expect((await activeSweeps(d)).map((s) => s.id)).toEqual([sweep.id]);
  });

  it('a point left running (a reload mid-run) is the next to run again', async () => {
    const d = db();
    const { sweep } = await newSweep(d);
    const running = await markPointRunning(d, sweep.id, 0);
    expect(running && nextPoint(running)).toBe(0);
  });

  it('rejects a point index outside the grid and an empty grid, naming what was expected', async () => {
    const d = db();
    const { sweep, pipeline } = await newSweep(d);
    await expect(markPointRunning(d, sweep.id, 9)).rejects.toThrow(/points 0 to 3; got point 9/);
    await expect(createSweep(d, { ...sweep, pipelineId: pipeline.id, points: [] })).rejects.toThrow(/at least one point/);
  });

  it('a sweep result can be pinned as a labelled version without moving the head', async () => {
    const d = db();
    const { pipeline, grid } = await newSweep(d);
    const head = await recordVersion(d, pipeline.id, iris(), 'run');
    const pinned = await recordVersion(d, pipeline.id, grid[2].spec, 'save', 'sweep best: learningRate=0.2', false);
    expect(await getHead(d, pipeline.id)).toBe(head);
    const versions = await listVersions(d, pipeline.id);
    expect(versions.find((v) => v.hash === pinned)).toMatchObject({ label: 'sweep best: learningRate=0.2', parent: head });
  });
});
