// Seeded generators of malformed bundles and data files for the import fuzz test (issue 16).
// Every choice draws from the project's Prng, so a failure reproduces from its seed and index.
import { DATA_LIMITS } from '../../src/core/data-limits';
import type { Prng } from '../../src/core/prng';
import { intIn, pick } from './generators';

/** Values dropped into bundle fields: wrong types, hostile text, typed-JSON look-alikes. */
const HOSTILE: unknown[] = [
  null, 0, -1, 1.5, 1e308, '', 'x', '<img src=x onerror=alert(1)>', true, {}, [], [null], [{}], { id: 'x' }, 'a'.repeat(2_000),
  { $typed: 'Float32Array', b64: 'AAA' }, { $typed: 'Nope', b64: '' }, { $number: 'NaN' }, { $number: 'x' }, { $bytes: '!' }, { $bytes: 'AAAA' },
  '0'.repeat(64), 'f'.repeat(64), { __proto__: { polluted: true } }, { toString: 'x' },
];

/** Plain fields of bundle rows, where a wrong type must be refused naming the path. */
const ROW_FIELDS: Record<string, string[]> = {
  pipeline: ['id', 'name', 'rev', 'writer', 'createdAt', 'updatedAt', 'headVersion', 'selectedStepId', 'lastRunId', 'staleData', 'forkedFrom', 'spec'],
  versions: ['hash', 'parent', 'label', 'reason', 'createdAt', 'spec'],
  runs: ['id', 'createdAt', 'view', 'datasetHashes'],
  datasets: ['hash', 'name', 'format', 'text', 'createdAt', 'origin'],
  models: ['runId', 'createdAt', 'weightData', 'weightSpecs'],
};

type Doc = Record<string, unknown>;
const rowsOf = (doc: Doc, list: string): Doc[] => (list === 'pipeline' ? [doc.pipeline as Doc] : ((doc[list] as Doc[] | undefined) ?? []));

/**
 * One malformed bundle text made from a valid one: a text mutation, an edit at a random
 * path, forged data (text changed under its hash, or another file's hash), a wrong-typed
 * field, or ids that collide with rows already stored. Returns the text and what was done.
 */
export function malformedBundle(rng: Prng, valid: string, i: number, realHash: string, storedIds: readonly string[]): { text: string; what: string } {
  const kind = i % 5;
  if (kind === 0) return textMutation(rng, valid);
  const doc = JSON.parse(valid) as Doc;
  if (kind === 1) return { text: JSON.stringify(doc), what: randomEdit(rng, doc) };
  if (kind === 2) return { text: JSON.stringify(doc), what: forgeData(rng, doc, realHash) };
  if (kind === 3) {
    const list = pick(rng, Object.keys(ROW_FIELDS));
    const rows = rowsOf(doc, list);
    if (rows.length === 0) return { text: JSON.stringify(doc), what: `no ${list} to break` };
    const row = pick(rng, rows);
    const field = pick(rng, ROW_FIELDS[list]);
    row[field] = structuredClone(pick(rng, HOSTILE));
    return { text: JSON.stringify(doc), what: `${list}.${field} = ${JSON.stringify(row[field])?.slice(0, 40)}` };
  }
  return { text: JSON.stringify(doc), what: collideIds(rng, doc, storedIds) };
}

function textMutation(rng: Prng, valid: string): { text: string; what: string } {
  const at = intIn(rng, 0, valid.length - 1);
  const op = pick(rng, ['flip', 'delete', 'truncate', 'duplicate', 'insert']);
  let t = valid;
  if (op === 'flip') t = t.slice(0, at) + String.fromCharCode(intIn(rng, 0x20, 0x7e)) + t.slice(at + 1);
  if (op === 'delete') t = t.slice(0, at) + t.slice(at + intIn(rng, 1, 20));
  if (op === 'truncate') t = t.slice(0, at);
  if (op === 'duplicate') t = t.slice(0, at) + t.slice(at, at + intIn(rng, 1, 200)) + t.slice(at);
  if (op === 'insert') t = t.slice(0, at) + pick(rng, ['null', '{}', '[', '"', ',', '1e999', '-', '\\u0000', '\\ufeff']) + t.slice(at);
  return { text: t, what: `text ${op} at ${at}` };
}

function randomEdit(rng: Prng, doc: Doc): string {
  const path: (string | number)[] = [];
  let parent = doc as Record<string | number, unknown>;
  let key: string | number = pick(rng, ['pipeline', 'versions', 'runs', 'datasets', 'models', 'format', 'version']);
  for (let depth = intIn(rng, 0, 6); depth > 0; depth--) {
    const node = parent[key];
    if (node === null || typeof node !== 'object') break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, j) => j) : Object.keys(node);
    if (keys.length === 0) break;
    path.push(key);
    parent = node as Record<string | number, unknown>;
    key = pick(rng, keys);
  }
  path.push(key);
  if (rng.next() < 0.2 && !Array.isArray(parent)) delete parent[key];
  else parent[key] = structuredClone(pick(rng, HOSTILE));
  return `edit of ${path.join('.')}`;
}

/** Data whose text is not the content its hash names (the poisoning of issue 16). */
function forgeData(rng: Prng, doc: Doc, realHash: string): string {
  const sets = rowsOf(doc, 'datasets');
  if (sets.length === 0) return 'no data to forge';
  const d = pick(rng, sets);
  const text = String(d.text);
  const op = pick(rng, ['char', 'append', 'truncate', 'swap', 'claim-real', 'bom']);
  if (op === 'char') {
    const at = intIn(rng, 0, text.length - 1);
    d.text = text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1);
  }
  if (op === 'append') d.text = `${text}0,0,0\n`;
  if (op === 'truncate') d.text = text.slice(0, intIn(rng, 0, text.length - 1));
  if (op === 'swap' && sets.length > 1) [sets[0].text, sets[1].text] = [sets[1].text, sets[0].text];
  else if (op === 'swap') d.text = text.toUpperCase() === text ? `${text} ` : text.toUpperCase();
  if (op === 'claim-real') d.hash = realHash; // another file's hash, over this text
  if (op === 'bom') d.text = `\ufeff${text}`;
  return `forged data (${op})`;
}

/** Ids of rows already stored, with other contents: an import must skip them, never replace them. */
function collideIds(rng: Prng, doc: Doc, storedIds: readonly string[]): string {
  const runs = rowsOf(doc, 'runs');
  const op = pick(rng, ['pipeline', 'run', 'model', 'version-label']);
  if (op === 'pipeline') Object.assign(doc.pipeline as Doc, { id: pick(rng, storedIds), name: 'Taken over' });
  if (op === 'run' && runs.length) Object.assign(pick(rng, runs), { id: pick(rng, storedIds) });
  if (op === 'model') for (const m of rowsOf(doc, 'models')) m.runId = pick(rng, storedIds);
  if (op === 'version-label') for (const v of rowsOf(doc, 'versions')) v.label = 'relabelled';
  return `colliding ids (${op})`;
}

/** A small valid CSV the data-file mutations start from (numbers, labels, a missing value). */
export function baseCsv(rng: Prng): string {
  const rows = Array.from({ length: intIn(rng, 3, 30) }, (_, r) => `${r},${(r * 0.37).toFixed(2)},${pick(rng, ['red', 'blue', 'NA'])},${r % 3}`);
  return `id,size,colour,label\n${rows.join('\n')}\n`;
}

/** One malformed data file: its name and bytes, and what was done to it. */
export function malformedDataFile(rng: Prng): { name: string; bytes: Uint8Array<ArrayBuffer>; what: string } {
  const csv = baseCsv(rng);
  const op = pick(rng, DATA_OPS);
  const text = mutateData(rng, op, csv);
  const name = op.startsWith('json') ? 'data.json' : op === 'tsv-commas' ? 'data.tsv' : 'data.csv';
  if (op === 'bad-utf8' || op === 'random-bytes') {
    const bytes = new TextEncoder().encode(text);
    const out = op === 'random-bytes' ? Uint8Array.from({ length: intIn(rng, 1, 400) }, () => rng.int(256)) : bytes.slice();
    if (op === 'bad-utf8') out[intIn(rng, 0, out.length - 1)] = pick(rng, [0xff, 0xc3, 0x80, 0xfe]);
    return { name, bytes: out, what: op };
  }
  return { name, bytes: new TextEncoder().encode(text), what: op };
}

const DATA_OPS = [
  'ragged', 'open-quote', 'one-bom', 'two-boms', 'three-boms', 'nul', 'bad-utf8', 'random-bytes', 'huge-number', 'infinity',
  'dup-header', 'blank-header', 'wide', 'long-line', 'truncate', 'blank', 'header-only', 'single-column', 'cr-only',
  'tsv-commas', 'json-truncated', 'json-not-array', 'json-nested', 'json-wide', 'control-chars', 'many-cells-row',
] as const;

function mutateData(rng: Prng, op: (typeof DATA_OPS)[number], csv: string): string {
  const lines = csv.trimEnd().split('\n');
  const row = intIn(rng, 1, lines.length - 1);
  const wide = (n: number) => Array.from({ length: n }, (_, c) => `c${c}`).join(',');
  switch (op) {
    case 'ragged': lines[row] = lines[row].split(',').slice(0, intIn(rng, 1, 3)).join(','); return lines.join('\n');
    case 'open-quote': lines[row] = lines[row].replace(',', ',"'); return lines.join('\n');
    case 'one-bom': return `\ufeff${csv}`;
    case 'two-boms': return `\ufeff\ufeff${csv}`;
    case 'three-boms': return `\ufeff\ufeff\ufeff${csv}`;
    case 'nul': return csv.slice(0, 10) + '\u0000' + csv.slice(10);
    case 'bad-utf8': case 'random-bytes': return csv;
    case 'huge-number': lines[row] = lines[row].replace(/^[^,]*/, pick(rng, ['1e400', '-1e999', '9'.repeat(400)])); return lines.join('\n');
    case 'infinity': lines[row] = lines[row].replace(/^[^,]*/, pick(rng, ['Infinity', '-Infinity', 'inf', '0x10', '1_000'])); return lines.join('\n');
    case 'dup-header': return csv.replace('size', 'id');
    case 'blank-header': return csv.replace('size', ' ');
    case 'wide': return `${wide(DATA_LIMITS.maxColumns + intIn(rng, 1, 3_000))}\n1,2\n`;
    case 'long-line': return `a,b\n1,${'x'.repeat(DATA_LIMITS.maxLineLength + intIn(rng, 1, 10))}\n`;
    case 'truncate': return csv.slice(0, intIn(rng, 0, csv.length - 1));
    case 'blank': return pick(rng, ['', ' ', '\n\n', '\t \r\n']);
    case 'header-only': return `${lines[0]}\n`;
    case 'single-column': return lines.map((l) => l.split(',')[0]).join('\n');
    case 'cr-only': return csv.replace(/\n/g, '\r');
    case 'tsv-commas': return csv;
    case 'json-truncated': return JSON.stringify(lines.map((l) => ({ v: l }))).slice(0, intIn(rng, 1, 40));
    case 'json-not-array': return pick(rng, ['{"a":1}', '42', '"x"', 'null', '[]', '[1,2]', '[[1,2]]']);
    case 'json-nested': return JSON.stringify([{ a: { b: 1 }, c: [1] }, { a: null, c: 'x' }]);
    case 'json-wide': return JSON.stringify([Object.fromEntries(Array.from({ length: DATA_LIMITS.maxColumns + 1 }, (_, c) => [`k${c}`, c]))]);
    case 'control-chars': lines[row] = lines[row].replace(',', `,${String.fromCharCode(intIn(rng, 1, 31))}`); return lines.join('\n');
    case 'many-cells-row': lines[row] = `${lines[row]},${'1,'.repeat(intIn(rng, 1, 50))}1`; return lines.join('\n');
  }
}
