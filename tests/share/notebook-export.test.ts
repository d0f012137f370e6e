import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import { pythonInputs } from '../../src/engine/python-inputs';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { NODE_RUNTIME } from '../../src/cli/node-tf';
import { exportNotebook } from '../../src/share/notebook-export';
import { exportPython } from '../../src/share/python-export';
import { findStep } from '../../src/steps/registry';
import { EXAMPLES, doc, loadExample, run, spec, tf } from '../helpers';
import { requireNbclient, runNotebooks } from './notebook-run';

interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec: { name: string; language: string } };
  cells: { cell_type: string; id: string; source: string[] }[];
}

const text = (nb: Notebook, type: string): string =>
  nb.cells.filter((c) => c.cell_type === type).map((c) => c.source.join('')).join('\n');

/** Exports a spec's notebook with the inputs the app and the CLI compute (pipelab's test rows, the data when needed). */
async function notebookOf(s: PipelineSpec): Promise<string> {
  const inputs = await pythonInputs(s, { tf, backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME });
  return exportNotebook(s, inputs);
}

describe('export as a Jupyter notebook', () => {
  it('iris, penguins and diabetes notebooks validate as nbformat 4, execute headlessly and print pipelab\'s metrics', async () => {
    requireNbclient();
    const cases = [['iris-logreg', 'accuracy'], ['penguins-mlp', 'accuracy'], ['diabetes-linreg', 'r2']] as const;
    const notebooks: Record<string, string> = {};
    const expected: Record<string, number> = {};
    for (const [name, metric] of cases) {
      const s = loadExample(name);
      const { record } = await run(s);
      expect(record.status).toBe('done');
      expected[name] = record.metrics[metric];
      notebooks[name] = await notebookOf(s);
    }
    const results = runNotebooks(notebooks);
    for (const [name, metric] of cases) {
      expect(results[name].invalid, name).toBeNull();
      const match = new RegExp(`^test ${metric}: (-?\\d+\\.\\d{4})$`, 'm').exec(results[name].printed);
      if (!match) throw new Error(`No "test ${metric}" line in what ${name} printed:\n${results[name].printed}`);
      expect(Math.abs(Number(match[1]) - expected[name]), name).toBeLessThanOrEqual(0.03);
    }
  }, 600_000);

  it('is nbformat 4.5 with unique cell ids and a python3 kernel, and explains each step with its help text', async () => {
    const s = loadExample('penguins-mlp');
    const nb = JSON.parse(await notebookOf(s)) as Notebook;
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    expect(nb.metadata.kernelspec).toMatchObject({ name: 'python3', language: 'python' });
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/));
    const markdown = text(nb, 'markdown');
    for (const step of s.steps) {
      const d = findStep(step.kind);
      expect(markdown).toContain(`## ${d?.label ?? 'missing'}`);
      expect(markdown).toContain(`Step \`${step.id}\``);
    }
    expect(markdown).toContain('Removes every row with an empty cell.');
    expect(text(nb, 'code')).toContain('DATA_CSV = "".join([');
  });

  it('holds exactly the Python export\'s code, in its order, for every example that exports', async () => {
    const exportable = EXAMPLES.filter((name) => name !== 'iris-cv'); // k-fold: not exported yet
    expect(exportable.length).toBeGreaterThanOrEqual(8);
    for (const name of exportable) {
      const s = loadExample(name);
      const inputs = await pythonInputs(s, { tf, backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME });
      const nb = JSON.parse(exportNotebook(s, inputs)) as Notebook;
      const script = exportPython(s, inputs).split('\n');
      const code = script.slice(script.findIndex((l) => l.startsWith('import '))).filter((l) => l.trim() !== '');
      expect(text(nb, 'code').split('\n').filter((l) => l.trim() !== ''), name).toEqual(code);
    }
  }, 300_000);

  it('escapes a hostile pipeline name in markdown and keeps it out of the code', async () => {
    const s = { ...loadExample('iris-logreg'), name: '<img src=x onerror=alert(1)> $x$ [link](javascript:x)\n# heading' };
    const nb = JSON.parse(exportNotebook(s, { testRows: [0, 1, 2], dataCsv: null })) as Notebook;
    const title = nb.cells[0].source[0];
    expect(title).toBe('# &lt;img src=x onerror=alert(1)&gt; \\$x\\$ \\[link\\](javascript:x) # heading\n');
    expect(text(nb, 'code')).toContain('load_iris()');
  });

  it('reads large imported data from its file by name, and embeds small data', () => {
    const s = spec(doc([
      { id: 'data', kind: 'data.import', params: { name: 'weather.csv', target: 'label', task: 'classification' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ]));
    const csv = `x,label\n${Array.from({ length: 50 }, (_, i) => `${i},${i % 2 ? 'a' : 'b'}`).join('\n')}\n`;
    const big = JSON.parse(exportNotebook(s, { testRows: [1, 2], dataCsv: csv }, { embedLimit: 100 })) as Notebook;
    expect(text(big, 'code')).toContain('DATA_CSV = open("weather.csv", encoding="utf-8-sig").read()');
    expect(text(big, 'code')).not.toContain('"49,a\\n"');
    expect(text(big, 'markdown')).toContain('put that file next to this notebook');
    const small = JSON.parse(exportNotebook(s, { testRows: [1, 2], dataCsv: csv })) as Notebook;
    expect(text(small, 'code')).toContain('"49,a\\n"');
  });

  it('refuses a pipeline the Python export refuses, with its reason', () => {
    const s = spec(doc([{ id: 'data', kind: 'data.builtin', params: { name: 'iris' } }, { id: 'model', kind: 'model.logistic-regression', params: {} }]));
    expect(() => exportNotebook(s, { testRows: [0], dataCsv: null })).toThrow(/split/);
  });
});
