import { describe, expect, it } from 'vitest';
import { buildRunView } from '../../src/engine/run-view';
import { loadExample, run, tf } from '../helpers';

describe('the network in the run view', () => {
  it('carries the spiral MLP layers and kernels, without touching the run record', async () => {
    const result = await run(loadExample('spiral-mlp'));
    const view = buildRunView(tf, result);
    expect(view.network?.sizes).toEqual([2, 32, 32, 2]);
    expect(view.network?.kernels.map((k) => k.length)).toEqual([64, 1024, 64]);
    expect(view.network?.inputNames).toEqual(['x', 'y']);
    expect(view.network?.outputNames).toEqual(['blue', 'orange']);
    expect(JSON.stringify(view.record)).not.toContain('kernels');
    const model = result.outputs.find((o) => o.state.model)!.state.model!;
    expect(Array.from(view.network!.kernels[0])).toEqual(Array.from(model.weights[0].values));
  });

  it('draws logistic regression as one layer of weights, and no network for a linear regression', async () => {
    const iris = buildRunView(tf, await run(loadExample('iris-logreg')));
    expect(iris.network?.sizes).toEqual([4, 3]);
    expect(iris.network?.outputNames).toHaveLength(3);
    const diabetes = buildRunView(tf, await run(loadExample('diabetes-linreg')));
    expect(diabetes.network).toBeNull();
  });
});
