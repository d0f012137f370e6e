// The run view builds each step's data view once per distinct column list, and shares derived
// columns (split, predictions) between the steps that pass the same split or predictions on.
// What the user sees must be exactly what building each view on its own gives.
import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { buildRunView } from '../../src/engine/run-view';
import { buildStepView, ColumnSummaries } from '../../src/engine/step-view';
import { outputTable } from '../../src/engine/output-table';
import { loadExample, run, tf } from '../helpers';

describe('shared step views', () => {
  it('are the views each step gets on its own, and a step passing its table on shares its rows', async () => {
    const result = await run(loadExample('iris-logreg'));
    const view = buildRunView(tf, result);
    for (const out of result.outputs) expect(view.stepViews[out.stepId], out.stepId).toEqual(buildStepView(out.stepId, out.state, new ColumnSummaries()));
    const ids = result.outputs.map((o) => o.stepId);
    const [model, evaluate] = [ids[ids.length - 2], ids[ids.length - 1]];
    expect(view.stepViews[evaluate].rows).toBe(view.stepViews[model].rows);
    // The second view costs a structured clone almost nothing.
    const alone = serialize(view.stepViews[model]).length;
    expect(serialize({ a: view.stepViews[model], b: view.stepViews[evaluate] }).length).toBeLessThan(alone * 1.2);
  });

  it('makes the split and prediction columns once per split and predictions', async () => {
    const result = await run(loadExample('iris-logreg'));
    const last = result.outputs[result.outputs.length - 1].state;
    const [first, again] = [outputTable(last)!, outputTable({ ...last })!];
    expect(again.columns.map((c) => c.name)).toEqual(first.columns.map((c) => c.name));
    again.columns.forEach((c, i) => expect(c).toBe(first.columns[i]));
  });
});
