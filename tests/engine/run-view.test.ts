import { describe, expect, it } from 'vitest';
import { buildRunView } from '../../src/engine/run-view';
import { digestStep } from '../../src/engine/step-digest';
import { buildStepView } from '../../src/engine/step-view';
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

  it('summarises the columns steps share once, with the same views and digests as summarising every step on its own', async () => {
    const result = await run(loadExample('penguins-mlp')); // impute, one-hot, scale: new and shared columns
    const view = buildRunView(tf, result);
    result.outputs.forEach((out, i) => {
      expect(view.stepViews[out.stepId], out.stepId).toEqual(buildStepView(out.stepId, out.state));
      expect(view.digests[out.stepId], out.stepId).toEqual(digestStep(out.state, i > 0 ? result.outputs[i - 1].state : null));
    });
    expect(view.stepViews.split.stats[0]).toBe(view.stepViews.clean.stats[0]); // the split passed the cleaned data's first column on
  });
});
