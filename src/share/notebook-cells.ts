// Cutting an exported Python script into the notebook's parts, by the script's own layout:
// header comments, imports, data constants, helper functions, then one paragraph per stage.

/** The script's parts: setup code, then paragraphs (blank-line separated) from loading the rows to the metrics. */
export interface ScriptParts {
  readonly imports: string[];
  /** The data constants and, for scikit-learn's bundled sets, the load_data function. */
  readonly data: string[];
  /** The helper functions (each a chunk of lines). */
  readonly helpers: string[][];
  /** From `X, y, names = load_data()` on, one paragraph per stage of the pipeline. */
  readonly paragraphs: string[][];
}

const LOAD = 'X, y, names = load_data()';

/** Splits lines into chunks at runs of `gap` or more blank lines, dropping the blanks. */
function chunks(lines: readonly string[], gap: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      blanks++;
      continue;
    }
    if (blanks >= gap && current.length) {
      out.push(current);
      current = [];
    }
    blanks = 0;
    current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}

/** Cuts the script into its parts; throws when its layout is not the one the Python export writes. */
export function scriptParts(script: string): ScriptParts {
  const lines = script.split('\n');
  const firstImport = lines.findIndex((l) => l.startsWith('import '));
  const endImports = lines.findIndex((l) => l.startsWith('warnings.filterwarnings('));
  const load = lines.indexOf(LOAD);
  if (firstImport < 0 || endImports < firstImport || load < endImports) {
    throw new Error('The Python export has a layout the notebook export does not know (imports, data, helpers, steps).');
  }
  const [constants = [], ...rest] = chunks(lines.slice(endImports + 1, load), 2);
  const data = [...constants];
  const helpers: string[][] = [];
  for (const chunk of rest) {
    if (chunk[0].startsWith('def load_data(') && !chunk.some((l) => l.includes('DATA_CSV'))) data.push('', '', ...chunk);
    else helpers.push(chunk);
  }
  return {
    imports: lines.slice(firstImport, endImports + 1).filter((l, i, all) => l !== '' || all[i - 1] !== ''),
    data,
    helpers,
    paragraphs: chunks(lines.slice(load), 1),
  };
}

/** The step ids a paragraph names in its comments (`# Step "id" (kind)`), in order. */
export function namedSteps(paragraph: readonly string[]): string[] {
  const ids: string[] = [];
  for (const line of paragraph) {
    const m = /^# Step "(.*)" \(([a-z0-9.-]+)\)/.exec(line);
    if (m) ids.push(m[1]);
  }
  return ids;
}

/** Replaces the embedded DATA_CSV with reading the file `fileName` next to the notebook. */
export function readDataFromFile(data: readonly string[], fileName: string): string[] {
  const start = data.findIndex((l) => l.startsWith('DATA_CSV = '));
  const end = data.indexOf('])', start);
  if (start < 0 || end < 0) return [...data];
  const read = `DATA_CSV = open(${JSON.stringify(fileName)}, encoding="utf-8-sig").read()  # the file pipelab imported; put it next to this notebook`;
  return [...data.slice(0, start), read, ...data.slice(end + 1)];
}
