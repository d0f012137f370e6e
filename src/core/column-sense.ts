import { describeDateFormat, detectDateFormat } from './date-parse';
import { distinctNumbers } from './distinct-numbers';
import { MISSING_CODE, type Column, type Table } from './table';

/**
 * What a column looks like before any target is chosen: plain data, computed once
 * where the parsed table is (the worker) and handed to the import preview.
 */
export interface ColumnFacts {
  readonly name: string;
  /** Why the column looks like a row id, or null. */
  readonly idLike: string | null;
  /** How its values read as dates, in words, or null when they are not dates. */
  readonly date: string | null;
  readonly constant: boolean;
  /** Share of rows without a value, 0 to 1. */
  readonly missingShare: number;
  /** Text with many different values relative to the rows (names, free text), not dates or ids. */
  readonly highCardinality: boolean;
  /** Distinct values (missing aside); at least this many where `distinctCapped`. */
  readonly distinct: number;
  /** Set for a column of fractional numbers with more than DISTINCT_CAP values: they are not counted further. */
  readonly distinctCapped?: boolean;
  /**
   * Fingerprint of which rows share a value (equal for two columns that relabel each other); null for
   * numbers with very many values, and where no other column has as many distinct and missing values.
   */
  readonly partition: string | null;
  /**
   * Fingerprint of the values themselves, in row order; null where no other column could hold the same
   * values (another type, count of distinct or missing values, or sum): the only thing it is compared for.
   */
  readonly values: string | null;
}

/** A note the import preview shows beside a column: a short label, the reason in words, and whether the default leaves the column out. */
export interface ColumnNote {
  readonly kind: 'id' | 'date' | 'constant' | 'missing' | 'high-cardinality' | 'leak';
  readonly label: string;
  readonly reason: string;
  readonly excluded: boolean;
}

const ID_NAME = /^(id|_id|index|idx|row|row_?(id|num|number|no)|key|uuid|guid|record_?id|.*[_ .-]id|.*[a-z]Id|.*ID)$/;
/** A column with more missing values than this share is "mostly missing". */
export const MOSTLY_MISSING = 0.5;
/** Text columns with more distinct values than this share of the rows (and more than 20) are high-cardinality. */
const HIGH_CARDINALITY = 0.5;
/** Unique whole numbers spanning at most this many times the rows look like row numbers. */
const DENSE_SPAN = 1.5;
/** Below this many rows, uniqueness says little (a short table can be unique by chance). */
const MIN_ROWS = 10;

/**
 * The facts of every column of a table. The fingerprints, which are only compared between
 * columns, are computed only for columns that another column could equal (they cost most of
 * the facts' time on a large file): the same type, distinct and missing counts and sum of values.
 */
export function columnFacts(table: Table): ColumnFacts[] {
  const counted = table.columns.map((col) => ({ col, ...canonicalCodes(col), sum: col.type === 'numeric' ? presentSum(col.values) : 0 }));
  const valueKeys = counted.map((c) => `${c.col.type} ${c.distinct} ${c.missing} ${c.sum}`);
  const partitionKeys = counted.map((c) => (c.codes ? `${c.distinct} ${c.missing}` : null));
  const sharedValues = sharedKeys(valueKeys);
  const sharedPartitions = sharedKeys(partitionKeys);
  return counted.map((c, i) => {
    const facts = factsOf(c.col, table.rowCount, c);
    return { ...facts, partition: c.codes && sharedPartitions[i] ? fingerprint(c.codes) : null, values: sharedValues[i] ? valueFingerprint(c.col) : null };
  });
}

/** For each key, whether another holds it too (null never matches): counted once, as a file may have thousands of columns. */
function sharedKeys(keys: readonly (string | null)[]): boolean[] {
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  return keys.map((k) => k !== null && counts.get(k)! > 1);
}

/** A sum of a column's present numbers, in a fixed order (four running sums, so equal columns have equal sums). */
function presentSum(values: Float64Array): number {
  const sums = [0, 0, 0, 0];
  const n = values.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    for (let k = 0; k < 4; k++) if (values[i + k] === values[i + k]) sums[k] += values[i + k];
  }
  for (; i < n; i++) if (values[i] === values[i]) sums[0] += values[i];
  return sums[0] + sums[1] + sums[2] + sums[3];
}

function factsOf(col: Column, rows: number, { distinct, missing, capped }: { distinct: number; missing: number; capped?: boolean }): Omit<ColumnFacts, 'partition' | 'values'> {
  const present = rows - missing;
  const format = col.type === 'categorical' && distinct > 0 ? detectDateFormat(col.categories) : null;
  const date = format ? describeDateFormat(format) : null;
  const idLike = date ? null : idReason(col, distinct, present);
  const highCardinality = col.type === 'categorical' && !date && !idLike && distinct > 20 && distinct > HIGH_CARDINALITY * present;
  return {
    name: col.name, idLike, date, constant: distinct <= 1, missingShare: rows ? missing / rows : 0, highCardinality, distinct,
    ...(capped ? { distinctCapped: true } : {}),
  };
}

function idReason(col: Column, distinct: number, present: number): string | null {
  const named = ID_NAME.test(col.name) && distinct > HIGH_CARDINALITY * present;
  if (col.type === 'categorical') {
    if (present >= MIN_ROWS && distinct === present) return 'a different value in every row';
    return named ? 'named like an id, and nearly every row has its own value' : null;
  }
  if (present < MIN_ROWS || !col.values.every((v) => Number.isNaN(v) || Number.isInteger(v))) return null;
  if (named) return 'named like an id, and nearly every row has its own number';
  // Row numbers: whole numbers, one per row, from a range barely wider than the rows (counting, perhaps with gaps or shuffled).
  const dense = distinct === present && spanOf(col.values) + 1 <= DENSE_SPAN * present;
  if (dense && monotonic(col.values)) return 'whole numbers counting up (or down) row by row';
  return dense ? 'a different whole number in every row, like row numbers' : null;
}

function spanOf(values: Float64Array): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}

function monotonic(values: Float64Array): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < values.length && (up || down); i++) {
    if (!(values[i] > values[i - 1])) up = false;
    if (!(values[i] < values[i - 1])) down = false;
  }
  return values.length > 1 && (up || down);
}

/** Numbers with more distinct values than this get no partition fingerprint (they cannot relabel a class target, and a Map of a million numbers is slow). */
const MAX_PARTITION = 1024;

/** Codes numbering each value by its first appearance (missing: -1), so relabelled columns get equal codes; null for numbers with very many values. */
function canonicalCodes(col: Column): { codes: Int32Array | null; distinct: number; missing: number; capped?: boolean } {
  if (col.type === 'categorical') {
    const first = new Int32Array(col.categories.length).fill(-1);
    const codes = new Int32Array(col.codes.length);
    let distinct = 0;
    let missing = 0;
    for (let i = 0; i < codes.length; i++) {
      const c = col.codes[i];
      if (c === MISSING_CODE) missing++;
      else if (first[c] < 0) first[c] = distinct++;
      codes[i] = c === MISSING_CODE ? -1 : first[c];
    }
    return { codes, distinct, missing };
  }
  // Numbers: counted first (most columns of measurements have more than MAX_PARTITION values, and need no codes).
  const seen = new Map<number, number>();
  let missing = 0;
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) missing++;
    else if (!seen.has(v)) {
      seen.set(v, seen.size);
      if (seen.size > MAX_PARTITION) return { codes: null, ...countNumbers(col.values) };
    }
  }
  const codes = new Int32Array(col.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    codes[i] = Number.isNaN(v) ? -1 : seen.get(v)!;
  }
  return { codes, distinct: seen.size, missing };
}

/** Fractional numbers are counted up to this many distinct values (more tells the preview nothing more). */
export const DISTINCT_CAP = 10_000;

/**
 * Distinct and missing numbers of a column with many values: counted exactly where every value is
 * whole (ids and row numbers need the exact count), else up to DISTINCT_CAP (then `capped`).
 */
function countNumbers(values: Float64Array): { distinct: number; missing: number; capped?: boolean } {
  let missing = 0;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) missing++;
    else if (whole && !Number.isInteger(v)) whole = false;
  }
  if (whole) return distinctNumbers(values);
  const seen = new Set<number>();
  for (let i = 0; i < values.length && seen.size < DISTINCT_CAP; i++) if (values[i] === values[i]) seen.add(values[i]);
  return seen.size < DISTINCT_CAP ? { distinct: seen.size, missing } : { distinct: DISTINCT_CAP, missing, capped: true };
}

/** Two 32-bit FNV-1a style hashes of a sequence of 32-bit integers, as hex (collisions are vanishingly unlikely for a hint). */
function fingerprint(ints: Int32Array | Uint32Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ ints.length;
  for (let i = 0; i < ints.length; i++) {
    h1 = Math.imul(h1 ^ ints[i], 0x01000193);
    h2 = Math.imul(h2 ^ (ints[i] + 0x9e3779b9), 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function valueFingerprint(col: Column): string {
  if (col.type === 'numeric') return `n${fingerprint(new Uint32Array(col.values.buffer, col.values.byteOffset, col.values.length * 2))}`;
  const hashes = col.categories.map(textHash);
  const textCodes = new Int32Array(col.codes.length);
  for (let i = 0; i < textCodes.length; i++) textCodes[i] = col.codes[i] === MISSING_CODE ? -1 : hashes[col.codes[i]];
  return `c${fingerprint(textCodes)}`;
}

function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Whether `col` gives the target away: the same values, or the same grouping of rows under other labels. */
function leaks(col: ColumnFacts, target: ColumnFacts, rows: number): boolean {
  if (col.name === target.name || target.distinct < 2) return false;
  if (col.values !== null && col.values === target.values) return true;
  // When every row has its own target value, any unique column would "relabel" it: only equal values count then.
  return col.partition !== null && col.partition === target.partition && target.distinct < Math.round(rows * (1 - target.missingShare));
}

/**
 * The note for each column given the chosen target (none for the target itself or
 * for a column with nothing to say). Excluded by default: a leak, an id, a constant,
 * high-cardinality text, and a mostly missing column (its missing rows would be dropped).
 */
export function columnNotes(facts: readonly ColumnFacts[], target: string, rows: number): Map<string, ColumnNote> {
  const notes = new Map<string, ColumnNote>();
  const t = facts.find((f) => f.name === target);
  for (const f of facts) {
    if (f.name === target) continue;
    const note = noteFor(f, t, rows);
    if (note) notes.set(f.name, note);
  }
  return notes;
}

function noteFor(f: ColumnFacts, target: ColumnFacts | undefined, rows: number): ColumnNote | null {
  if (target && leaks(f, target, rows)) {
    const how = f.values === target.values ? 'the same values as' : 'a relabelling of';
    return { kind: 'leak', label: 'likely target leak', reason: `${how} the target "${target.name}": it would give the answer away`, excluded: true };
  }
  if (f.missingShare > MOSTLY_MISSING) {
    const pct = Math.round(100 * f.missingShare);
    return { kind: 'missing', label: 'mostly missing', reason: `${pct} % of rows have no value: using it would drop them`, excluded: true };
  }
  if (f.constant) return { kind: 'constant', label: 'constant', reason: 'one value in every row: it tells the model nothing', excluded: true };
  if (f.idLike) return { kind: 'id', label: 'id-like', reason: `${f.idLike}: a model would memorise rows instead of learning`, excluded: true };
  if (f.date) return { kind: 'date', label: 'date — used as date parts', reason: `read as ${f.date}; turned into year, month, day of week and day of year`, excluded: false };
  if (f.highCardinality) {
    return { kind: 'high-cardinality', label: 'high-cardinality text', reason: `${f.distinct} different values: too many to one-hot encode usefully`, excluded: true };
  }
  return null;
}
