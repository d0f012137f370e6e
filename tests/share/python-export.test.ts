import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/csv-writer';
import type { PipelineSpec } from '../../src/core/spec';
import { exportNotes, exportPython } from '../../src/share/python-export';
import { doc, loadExample, run, spec } from '../helpers';
import { PYTHON, requireSklearn } from './python-run';

const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-python-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs Python with the given arguments; throws with its output when it fails. */
function python(args: string[], what: string): string {
  const result = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status}, ${result.error?.message ?? 'no spawn error'}):\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}

function writeScript(name: string, script: string): string {
  const file = path.join(dir, `${name}.py`);
  writeFileSync(file, script);
  return file;
}

/** Runs an example in pipelab, exports it (embedding its data when asked) and runs the script in Python. */
async function runBoth(name: string, embedData: boolean) {
  const s = loadExample(name);
  const { record, outputs } = await run(s);
  expect(record.status).toBe('done');
  const split = outputs.find((o) => o.stepId === 'split')?.state.split;
  const table = outputs.find((o) => o.stepId === s.steps[0].id)?.state.table;
  if (!split || !table) throw new Error(`${name} has no split or data output`);
  const script = exportPython(s, { testRows: [...split.test], dataCsv: embedData ? tableToCsv(table) : null });
  const output = python([writeScript(name, script)], `The exported ${name} script`);
  const match = /^test accuracy: (\d+\.\d{4})$/m.exec(output);
  if (!match) throw new Error(`No "test accuracy: x" line in the output of ${name}:\n${output}`);
  return { pipelab: record.metrics.accuracy, python: Number(match[1]), output };
}

describe('export as a Python scikit-learn script', () => {
  it.each([
    ['iris-logreg', false, 0.03],
    ['digits-mlp', false, 0.03],
    ['penguins-mlp', true, 0.05],
  ])('%s: the script runs and its test accuracy is close to pipelab\'s', async (name, embed, tolerance) => {
    requireSklearn();
    const { pipelab, python: accuracy } = await runBoth(name, embed);
    expect(Math.abs(accuracy - pipelab)).toBeLessThanOrEqual(tolerance);
  });

  it('embeds the test rows', () => {
    const script = exportPython(loadExample('iris-logreg'), { testRows: [1, 5, 9, 149], dataCsv: null });
    expect(script).toMatch(/^test_idx = np\.array\(\[\n {4}1, 5, 9, 149,\n\]\)$/m);
    expect(script).toContain('load_iris()');
  });

  it('keeps a hostile pipeline name out of the code: the script still compiles', () => {
    const hostile: PipelineSpec = { ...loadExample('iris-logreg'), name: 'a "quoted"\n"""\nimport os; os.remove("x")\r\u2028\u0000 \'\'\' \\' };
    const script = exportPython(hostile, { testRows: [0, 1, 2], dataCsv: null });
    expect(script).not.toMatch(/^import os/m);
    const file = writeScript('hostile', script);
    python(['-c', 'import ast, sys; ast.parse(open(sys.argv[1], encoding="utf-8").read())', file], 'Parsing the script');
  });

  it('embeds generated data as CSV, escaped into a Python string', () => {
    const s = spec(doc([
      { id: 'data', kind: 'data.synthetic', params: { shape: 'moons' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: {} },
    ]));
    const csv = 'x,y,label\n0.5,-1,blue\n"1,5",2,"say ""hi"""\n';
    const script = exportPython(s, { testRows: [1], dataCsv: csv });
    expect(script).toContain('DATA_CSV = "".join([\n    "x,y,label\\n",\n    "0.5,-1,blue\\n",\n    "\\"1,5\\",2,\\"say \\"\\"hi\\"\\"\\"\\n",\n])');
    expect(script).toContain('TARGET = "label"');
    expect(() => exportPython(s, { testRows: [1], dataCsv: null })).toThrow(/dataCsv/);
  });

  it('lists what is not mapped exactly, rmsprop included when used', () => {
    const s = loadExample('digits-mlp');
    const rmsprop: PipelineSpec = { ...s, steps: s.steps.map((st) => (st.id === 'model' ? { ...st, params: { ...st.params, optimizer: 'rmsprop' } } : st)) };
    expect(exportNotes(rmsprop).join('\n')).toMatch(/RMSProp has no scikit-learn counterpart/);
    expect(exportNotes(s).join('\n')).not.toMatch(/RMSProp/);
    expect(exportNotes(s).join('\n')).toMatch(/numpy's generator/);
    expect(exportNotes(loadExample('iris-logreg')).join('\n')).toMatch(/lbfgs/);
    expect(exportPython(rmsprop, { testRows: [0], dataCsv: null })).toMatch(/^# - RMSProp has no scikit-learn counterpart/m);
  });

  it('skips disabled steps and names an unknown step kind', () => {
    const s = loadExample('iris-logreg');
    const disabled: PipelineSpec = { ...s, steps: s.steps.map((st) => (st.id === 'scale' ? { ...st, enabled: false } : st)) };
    expect(exportPython(disabled, { testRows: [0], dataCsv: null })).not.toContain('StandardScaler');
    const unknown: PipelineSpec = { ...s, steps: [...s.steps, { id: 'magic', kind: 'transform.magic', params: {}, enabled: true }] };
    expect(() => exportPython(unknown, { testRows: [0], dataCsv: null })).toThrow(/transform\.magic/);
    expect(() => exportNotes(unknown)).not.toThrow();
  });

  it('reproduces exact least squares (diabetes) to the printed digits', async () => {
    requireSklearn();
    const s = loadExample('diabetes-linreg');
    const { record, outputs } = await run(s);
    const split = outputs.find((o) => o.stepId === 'split')?.state.split;
    const output = python([writeScript('diabetes', exportPython(s, { testRows: [...(split?.test ?? [])], dataCsv: null }))], 'The diabetes script');
    expect(output).toContain(`test r2: ${record.metrics.r2.toFixed(4)}`);
    expect(output).toContain(`test mse: ${record.metrics.mse.toFixed(4)}`);
  });
});
