import { describeValue } from '../core/errors';
import { sha256Hex } from '../core/hash';
import type { StoredDataset } from '../storage/records';
import { ShareError } from './share-error';

/** What a field of a bundle row must hold. */
type BaseKind = 'string' | 'number' | 'string|null' | 'hash|null' | 'object';
type FieldKind = BaseKind | `${BaseKind}?`;

/** The expected kinds of the stored rows' plain fields, by table (specs, views and model bytes are checked elsewhere). */
const ROW_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
  pipeline: {
    id: 'string', name: 'string', rev: 'number?', writer: 'string?', selectedStepId: 'string|null?', lastRunId: 'string|null?',
    createdAt: 'number?', updatedAt: 'number?', headVersion: 'hash|null?', staleData: 'string|null?', forkedFrom: 'object?',
  },
  version: { hash: 'string', parent: 'hash|null?', label: 'string?', reason: 'string?', createdAt: 'number' },
  run: { id: 'string', createdAt: 'number' },
  dataset: { hash: 'string', name: 'string', format: 'string', text: 'string', createdAt: 'number', origin: 'string?' },
  model: { runId: 'string', createdAt: 'number' },
};

const HEX64 = /^[0-9a-f]{64}$/;
/** Longest name or id a bundle row may hold. */
const MAX_TEXT = 1_000;

/**
 * Checks that a bundle row's plain fields hold what the stored row must (a name that is
 * a string, a time that is a finite number, …). Throws a ShareError naming the field's
 * path (e.g. `pipeline.name`), what was expected and what arrived.
 */
export function checkRowFields(row: Record<string, unknown>, table: keyof typeof ROW_FIELDS, path: string): void {
  for (const [key, kind] of Object.entries(ROW_FIELDS[table])) {
    const value = row[key];
    if (!fits(value, kind, key)) {
      throw new ShareError(`The bundle is damaged: ${path}.${key} should be ${expected(kind)}, but it is ${describeValue(value)}.`);
    }
  }
}

function fits(value: unknown, kind: FieldKind, key: string): boolean {
  const optional = kind.endsWith('?');
  if (optional && value === undefined) return true;
  const base = optional ? kind.slice(0, -1) : kind;
  if (value === null && base.endsWith('|null')) return true;
  if (base.startsWith('string')) return typeof value === 'string' && (key === 'text' || value.length <= MAX_TEXT);
  if (base.startsWith('number')) return typeof value === 'number' && Number.isFinite(value);
  if (base.startsWith('hash')) return typeof value === 'string' && HEX64.test(value);
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function expected(kind: FieldKind): string {
  const base = kind.replace('?', '');
  const words: Record<string, string> = {
    string: 'a text', number: 'a number', 'string|null': 'a text or null', 'hash|null': 'a SHA-256 hash or null', object: 'an object',
  };
  return `${words[base] ?? base}${kind.endsWith('?') ? ' (or absent)' : ''}`;
}

/**
 * Hashes every data set of a bundle and refuses the bundle when one's text is not the
 * content its hash names: data is stored by its SHA-256, so a row under a false hash
 * would stand in for the real file wherever that file is imported later.
 */
export async function verifyBundleData(datasets: readonly StoredDataset[]): Promise<void> {
  for (const [i, d] of datasets.entries()) {
    if ((await sha256Hex(d.text)) !== d.hash) {
      throw new ShareError(
        `The bundle's data set ${i + 1} ("${d.name.slice(0, 80)}") does not match its content hash: its text is not the file it claims to be (the bundle was damaged or forged).`,
      );
    }
  }
}
