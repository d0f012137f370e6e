import type { PipelineSpec, StepSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';
import { pythonOf } from '../steps/python-catalog';
import { namedSteps, readDataFromFile, scriptParts, type ScriptParts } from './notebook-cells';
import { exportNotes, exportPython, type PythonExportInputs } from './python-export';

// A Jupyter notebook (nbformat 4.5) built from the Python export: the same code, cut into
// cells by the script's own sections, with a markdown cell explaining each step.

/** How the notebook gets its data when it cannot load it from scikit-learn by name. */
export interface NotebookOptions {
  /** Imported data larger than this many characters is read from its file (by name) instead of embedded; default 1 MB. */
  readonly embedLimit?: number;
}

/** One notebook cell as nbformat 4.5 stores it. */
interface Cell {
  readonly cell_type: 'markdown' | 'code';
  readonly id: string;
  readonly metadata: Record<string, never>;
  readonly source: string[];
  readonly execution_count?: null;
  readonly outputs?: [];
}

const DEFAULT_EMBED_LIMIT = 1_000_000;

/** Text made safe for markdown: HTML, emphasis, code, links and math escaped, line breaks flattened, no block marker at its start. */
export function mdText(text: string): string {
  const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/[<>&]/g, (c) => entities[c])
    .replace(/[\\`*_[\]~$]/g, (c) => `\\${c}`)
    .replace(/^\s*([#+\-|>]|\d+\.)/, (m) => `\\${m.trimStart()}`);
}

/** The source lines of a cell as nbformat keeps them: every line but the last ends with a newline. */
const source = (lines: readonly string[]): string[] => lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));

/** Builds cells with ids unique within the notebook (cell-1, cell-2, …). */
class Cells {
  readonly list: Cell[] = [];
  markdown(lines: readonly string[]): void {
    this.list.push({ cell_type: 'markdown', id: `cell-${this.list.length + 1}`, metadata: {}, source: source(lines) });
  }
  code(lines: readonly string[]): void {
    this.list.push({ cell_type: 'code', execution_count: null, id: `cell-${this.list.length + 1}`, metadata: {}, outputs: [], source: source(lines) });
  }
}

/** A step's heading and help text: the step's own description, as in pipelab's palette. */
function stepMarkdown(step: StepSpec, level = '##'): string[] {
  const d = stepCatalog.describe(step.kind);
  const title = d ? mdText(d.label) : mdText(step.kind);
  return [`${level} ${title}`, '', ...(d ? [mdText(d.help), ''] : []), `Step \`${mdText(step.id)}\` (${mdText(step.kind)}).`];
}

function introCell(spec: PipelineSpec, cells: Cells): void {
  const notes = exportNotes(spec);
  cells.markdown([
    `# ${mdText(spec.name)}`,
    '',
    `Exported from pipelab (seed ${spec.seed}): the same pipeline rebuilt with scikit-learn, on the same data and the same test rows, printing the metrics pipelab reported.`,
    'Run all cells (Jupyter, JupyterLite or Colab; it needs numpy and scikit-learn 1.2 or later).',
    '',
    ...(notes.length ? ['**Not mapped exactly:**', '', ...notes.map((n) => `- ${mdText(n)}`)] : ['Every step maps exactly.']),
  ]);
}

function dataCells(spec: PipelineSpec, parts: ScriptParts, fileName: string | null, cells: Cells): void {
  const dataStep = spec.steps.find((s) => s.enabled);
  const where = fileName
    ? `The data is read from \`${mdText(fileName)}\`: put that file next to this notebook (in Colab, upload it in the Files panel) before running.`
    : parts.data.some((l) => l.startsWith('DATA_CSV'))
      ? 'The data is embedded below as CSV, exactly as pipelab read it.'
      : 'scikit-learn ships this data set: it is loaded by name, with the columns named as pipelab names them.';
  cells.markdown([...(dataStep ? [...stepMarkdown(dataStep), ''] : []), where]);
  cells.code(fileName ? readDataFromFile(parts.data, fileName) : parts.data);
}

function stepCells(spec: PipelineSpec, paragraphs: readonly string[][], cells: Cells): void {
  const byId = new Map(spec.steps.filter((s) => s.enabled).map((s) => [s.id, s]));
  const split = spec.steps.find((s) => s.enabled && stepCatalog.describe(s.kind)?.category === 'split');
  for (const paragraph of paragraphs) {
    const steps = namedSteps(paragraph).flatMap((id) => byId.get(id) ?? []);
    if (split && paragraph.some((l) => l.startsWith('test_idx = '))) steps.push(split);
    if (paragraph[0] === 'X, y, names = load_data()') cells.markdown(['## Load the rows', '', 'Features `X`, target `y` and the feature names.']);
    else if (paragraph[0] === 'results = {}') cells.markdown(['## Results', '', 'The metrics pipelab reported, computed the same way.']);
    for (const [i, s] of steps.entries()) cells.markdown(stepMarkdown(s, i > 0 || paragraph[0] === 'results = {}' ? '###' : '##'));
    cells.code(paragraph);
  }
}

/** A Jupyter notebook (JSON text, nbformat 4.5, python3 kernel) that rebuilds the pipeline with scikit-learn and prints its metrics. */
export function exportNotebook(spec: PipelineSpec, inputs: PythonExportInputs, options: NotebookOptions = {}): string {
  const parts = scriptParts(exportPython(spec, inputs));
  const data = spec.steps.find((s) => s.enabled);
  const name = (data && pythonOf(data.kind)?.data?.python(data.params).fileName) ?? '';
  const big = (inputs.dataCsv?.length ?? 0) > (options.embedLimit ?? DEFAULT_EMBED_LIMIT);
  const fileName = big && /\.csv$/i.test(name) ? name : null;
  const cells = new Cells();
  introCell(spec, cells);
  cells.markdown(['## Setup', '', 'The libraries the pipeline needs.']);
  cells.code(parts.imports);
  dataCells(spec, parts, fileName, cells);
  cells.markdown(['## Helper functions', '', "How pipelab reads labels and columns and computes its metrics, written out in Python."]);
  cells.code(parts.helpers.flatMap((h, i) => (i ? ['', '', ...h] : h)));
  stepCells(spec, parts.paragraphs, cells);
  const notebook = {
    cells: cells.list,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
