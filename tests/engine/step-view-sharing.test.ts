// The run view builds each step's data view once per distinct column list, and shares derived
// columns (split, predictions) between the steps that pass the same split or predictions on.
// What the user sees must be exactly what building each view on its own gives.
import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { buildRunView } from '../../src/engine/run-view';
import { buildStepView, ColumnSummaries, shownRows } from '../../src/engine/step-view';
import { cellText } from '../../src/core/table';
import { outputTable } from '../../src/engine/output-table';
import { loadExample, run, tf } from '../helpers';

describe('shared step views', () => {
  it('are the views each step gets on its own, and a step passing a column on shares its cells', async () => {
    const result = await run(loadExample('iris-logreg'));
    const view = buildRunView(tf, result);
    for (const out of result.outputs) expect(view.stepViews[out.stepId], out.stepId).toEqual(buildStepView(out.stepId, out.state, new ColumnSummaries()));
    const ids = result.outputs.map((o) => o.stepId);
    const [data, split, model, evaluate] = [ids[0], ids[1], ids[ids.length - 2], ids[ids.length - 1]];
    view.stepViews[evaluate].cells!.forEach((cells, c) => expect(cells).toBe(view.stepViews[model].cells![c]));
    // The split passes the data's columns on (and adds its own): their cells are the same arrays.
    view.stepViews[data].cells!.forEach((cells, c) => expect(cells).toBe(view.stepViews[split].cells![view.stepViews[split].columns.indexOf(view.stepViews[data].columns[c])]));
    // The second view costs a structured clone almost nothing.
    const alone = serialize(view.stepViews[model]).length;
    expect(serialize({ a: view.stepViews[model], b: view.stepViews[evaluate] }).length).toBeLessThan(alone * 1.2);
  });

  it('shows the same first rows from the cells as a view stored before them (rows) holds', async () => {
    const result = await run(loadExample('iris-logreg'));
    const out = result.outputs[0];
    const view = buildStepView(out.stepId, out.state)!;
    const table = outputTable(out.state)!;
    const rows = shownRows(view);
    expect(rows).toHaveLength(Math.min(50, table.rowCount));
    rows.forEach((row, r) => expect(row).toEqual(table.columns.map((c) => cellText(c, r))));
    expect(shownRows({ ...view, cells: undefined, rows })).toEqual(rows); // as a view stored before cells: rows only
  });

  it('makes the split and prediction columns once per split and predictions', async () => {
    const result = await run(loadExample('iris-logreg'));
    const last = result.outputs[result.outputs.length - 1].state;
    const [first, again] = [outputTable(last)!, outputTable({ ...last })!];
    expect(again.columns.map((c) => c.name)).toEqual(first.columns.map((c) => c.name));
    again.columns.forEach((c, i) => expect(c).toBe(first.columns[i]));
  });
});
