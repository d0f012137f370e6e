import { describe, expect, it } from 'vitest';
import { buildRunView } from '../../src/engine/run-view';
import { loadExample, run, tf } from '../helpers';

describe('buildRunView', () => {
  it('gives a two-feature classifier its decision map, every step its data view, and the generated data as CSV', async () => {
    const before = tf.memory().numTensors;
    const view = buildRunView(tf, await run(loadExample('spiral-mlp')));
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(view.stepViews)).toEqual(['data', 'split', 'model', 'evaluate']);
    expect(view.stepViews.model.columns).toEqual(['x', 'y', 'label', 'split', 'predicted', 'p(blue)', 'p(orange)']);
    expect(view.boundary?.size).toBe(80);
    expect(view.boundary?.cellClass).toHaveLength(80 * 80);
    expect(new Set(view.boundary?.cellClass)).toEqual(new Set([0, 1]));
    expect(view.generatedData.map((d) => d.stepId)).toEqual(['data']);
    expect(view.generatedData[0].csv.trim().split('\n')).toHaveLength(401);
    expect(view.evaluation?.confusion?.classes).toEqual(['blue', 'orange']);
  });

  it('gives a regression its test-row predictions and no decision map; built-in data is not copied', async () => {
    const result = await run(loadExample('diabetes-linreg'));
    const view = buildRunView(tf, result);
    const testRows = result.outputs[1].state.split!.test.length;
    expect(view.regression?.actual).toHaveLength(testRows);
    expect(view.regression?.predicted).toHaveLength(testRows);
    expect(view.boundary).toBeNull();
    expect(view.generatedData).toEqual([]);
  });
});
