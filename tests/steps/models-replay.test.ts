import { describe, expect, it } from 'vitest';
import type { PipelineState } from '../../src/core/state';
import type { NumericColumn } from '../../src/core/table';
import { decisionBoundary } from '../../src/engine/decision-boundary';
import { predictProbabilities } from '../../src/engine/predict';
import { replayProbabilities, replayValues } from '../../src/engine/predict';
import { doc, run, spec, tf } from '../helpers';

const CLASSIFIERS = ['model.knn-classifier', 'model.gaussian-nb', 'model.decision-tree', 'model.random-forest'];
const REGRESSORS = ['model.knn-regressor', 'model.decision-tree-regressor', 'model.random-forest-regressor'];

async function finalState(steps: unknown[]): Promise<PipelineState> {
  const { record, outputs } = await run(spec(doc(steps)));
  if (record.status !== 'done') throw new Error(`the pipeline failed: ${record.error?.message}`);
  return outputs[outputs.length - 1].state;
}

/** Row-major float64 features of every row, in the model's feature order. */
function features(state: PipelineState): Float64Array {
  const names = state.model!.info.features;
  const cols = names.map((n) => state.table!.columns.find((c) => c.name === n) as NumericColumn);
  const out = new Float64Array(state.table!.rowCount * cols.length);
  cols.forEach((c, j) => c.values.forEach((v, i) => (out[i * cols.length + j] = v)));
  return out;
}

const spiral = (kind: string) => [
  { id: 'data', kind: 'data.synthetic', params: { shape: 'spiral' } },
  { id: 'split', kind: 'split.train-test' },
  { id: 'model', kind, params: {} },
];

describe('replaying the plain-JS models from their fitted state', () => {
  it.each(CLASSIFIERS)('%s: replay gives exactly the probabilities the step stored', async (kind) => {
    const state = await finalState(spiral(kind));
    const replayed = replayProbabilities(state.model!, features(state))!;
    expect(Float32Array.from(replayed)).toEqual(state.predictions!.probabilities);
  });

  it.each(REGRESSORS)('%s: replay gives exactly the values the step stored', async (kind) => {
    const state = await finalState([
      { id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } },
      { id: 'split', kind: 'split.train-test' },
      { id: 'model', kind, params: {} },
    ]);
    expect(replayValues(state.model!, features(state))).toEqual(state.predictions!.values);
    expect(predictProbabilities(tf, state.model!, Float32Array.from(features(state)))).toBeNull();
  });

  it.each(CLASSIFIERS)('%s: draws a decision map on the spiral that agrees with its own predictions', async (kind) => {
    const state = await finalState(spiral(kind));
    const map = decisionBoundary(tf, state);
    expect(map).not.toBeNull();
    const { size, x, y, cellClass, cellConfidence, points } = map!;
    expect(cellClass.length).toBe(size * size);
    expect(new Set(cellClass)).toEqual(new Set([0, 1]));
    expect(cellConfidence.every((c) => c >= 0.5 && c <= 1)).toBe(true);
    // The cell under each data point mostly predicts what the model predicted for that point.
    let agree = 0;
    for (let r = 0; r < points.x.length; r++) {
      const i = Math.floor(((points.x[r] - x[0]) / (x[1] - x[0])) * size);
      const j = Math.floor(((points.y[r] - y[0]) / (y[1] - y[0])) * size);
      if (cellClass[j * size + i] === state.predictions!.labels![r]) agree++;
    }
    expect(agree / points.x.length).toBeGreaterThan(0.85);
  });
});
