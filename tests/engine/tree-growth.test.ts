import { describe, expect, it } from 'vitest';
import { snapshotEpochs } from '../../src/core/snapshot-schedule';
import { buildRunView } from '../../src/engine/run-view';
import { buildReplay } from '../../src/engine/training-replay';
import { growthOfRun } from '../../src/engine/tree-growth';
import { doc, loadExample, run, spec, tf } from '../helpers';
import type { TreeInfo } from '../../src/steps/model/trees/tree-model';

const circleWith = (model: Record<string, unknown>) =>
  spec(doc([
    { id: 'data', kind: 'data.synthetic', params: { shape: 'circle', samples: 300, noise: 0.1 } },
    { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: true } },
    { id: 'model', ...model },
    { id: 'evaluate', kind: 'evaluate.classification', params: {} },
  ]));

describe('tree and forest growth as a replay', () => {
  it('replays a decision tree depth by depth, ending at the fitted tree', async () => {
    const result = await run(circleWith({ kind: 'model.decision-tree', params: {} }));
    const view = buildRunView(tf, result);
    const replay = buildReplay(tf, growthOfRun(result)!)!;
    const depth = (result.outputs.find((o) => o.stepId === 'model')!.state.model!.info as TreeInfo).depth;
    expect(replay.unit).toBe('depth');
    expect(replay.totalEpochs).toBe(depth);
    expect(replay.snapshots.map((s) => s.epoch)).toEqual(snapshotEpochs(depth));
    const [first, last] = [replay.snapshots[0], replay.snapshots.at(-1)!];
    expect(Array.from(last.cellClass!)).toEqual(Array.from(view.boundary!.cellClass));
    expect(Array.from(first.cellClass!)).not.toEqual(Array.from(last.cellClass!));
    // Cut at depth 1 the tree has two leaves: the grid shows at most two confidences.
    expect(new Set(first.cellConfidence).size).toBeLessThanOrEqual(2);
    expect(last.test).toBeCloseTo(view.record.metrics.accuracy, 12);
    expect(first.train).toBeLessThan(last.train);
  });

  it('replays a random forest tree by tree, ending at the whole forest', async () => {
    const result = await run(circleWith({ kind: 'model.random-forest', params: { trees: 12 } }));
    const view = buildRunView(tf, result);
    const replay = buildReplay(tf, growthOfRun(result)!)!;
    expect(replay.unit).toBe('tree');
    expect(replay.totalEpochs).toBe(12);
    expect(replay.snapshots.map((s) => s.epoch)).toEqual(snapshotEpochs(12));
    expect(Array.from(replay.snapshots.at(-1)!.cellConfidence!)).toEqual(Array.from(view.boundary!.cellConfidence));
    expect(Array.from(replay.snapshots[0].cellConfidence!)).not.toEqual(Array.from(view.boundary!.cellConfidence));
  });

  it('has no growth for networks (they record their training) or cross-validated runs', async () => {
    expect(growthOfRun(await run(loadExample('spiral-mlp')))).toBeNull();
    expect(growthOfRun(await run(loadExample('iris-cv')))).toBeNull();
  });
});
