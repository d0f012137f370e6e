import { describe, expect, it } from 'vitest';
import { buildRunView } from '../../src/engine/run-view';
import { buildReplay } from '../../src/engine/training-replay';
import { ReplayState } from '../../src/ui/state/replay.svelte';
import { frameBoundary, frameCaption, frameNetwork, replayAbsence, replayNotes } from '../../src/ui/state/replay-frame';
import { doc, loadExample, run, spec, tf } from '../helpers';

describe('the replay frame the results view draws', () => {
  it('follows the scrubber: the snapshot at or before the epoch, over the final axes and points', async () => {
    const result = await run(loadExample('spiral-mlp'), { recordReplay: true });
    const view = buildRunView(tf, result);
    const replay = buildReplay(tf, result.replay!)!;
    const scrub = new ReplayState(replay.totalEpochs, replay.snapshots.map((s) => s.epoch));
    scrub.seek(60);
    const snapshot = replay.snapshots[scrub.snapshotIndex];
    expect(snapshot.epoch).toBeLessThanOrEqual(60);
    const boundary = frameBoundary(view.boundary, snapshot)!;
    expect(boundary.cellClass).toBe(snapshot.cellClass);
    expect(boundary.points).toBe(view.boundary!.points);
    expect(boundary.x).toEqual(view.boundary!.x);
    expect(frameNetwork(view.network, snapshot)!.kernels).toBe(snapshot.kernels);
    expect(frameNetwork(view.network, snapshot)!.sizes).toEqual([2, 32, 32, 2]);
    const caption = frameCaption(replay, 60, snapshot);
    expect(caption).toMatch(new RegExp(`^Epoch 60 of 120 \\(drawn: the snapshot of epoch ${snapshot.epoch}\\) · accuracy: train \\d+\\.\\d%, test \\d+\\.\\d%$`));
    scrub.seek(120);
    expect(frameCaption(replay, 120, replay.snapshots[scrub.snapshotIndex])).toMatch(/^Epoch 120 of 120 · accuracy/);
    expect(frameBoundary(view.boundary, null)).toBe(view.boundary);
    expect(replayNotes(replay)).toEqual([]);
  });

  it('says why a finished run has no replay', async () => {
    const knn = buildRunView(tf, await run(spec(doc([
      { id: 'data', kind: 'data.synthetic', params: { shape: 'circle' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.knn-classifier', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ]))));
    expect(replayAbsence(knn)).toMatch(/^No replay for this model: it is not trained epoch by epoch/);
    const cv = buildRunView(tf, await run(loadExample('iris-cv')));
    expect(replayAbsence(cv)).toMatch(/cross-validation/);
    const stored = buildRunView(tf, await run(loadExample('spiral-mlp')));
    expect(replayAbsence(stored)).toMatch(/latest run in this tab only/);
  });

  it('explains the lbfgs replay in iterations', async () => {
    const result = await run(spec(doc([
      { id: 'data', kind: 'data.synthetic', params: { shape: 'circle' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: { solver: 'lbfgs' } },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ])), { recordReplay: true });
    const replay = buildReplay(tf, result.replay!)!;
    expect(replayNotes(replay)[0]).toMatch(/lbfgs solver has no epochs/);
    expect(frameCaption(replay, 1, replay.snapshots[0])).toMatch(/^Iteration 1 of \d+ · accuracy/);
  });
});
