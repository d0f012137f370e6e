import { SpecError, describeValue } from '../core/errors';
import { restorePipeline } from '../core/restore';
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';
import type { RunRecord } from '../engine/run-record';
import { ShareError } from './share-error';

/** Format tag inside a share link. */
export const SHARE_FORMAT = 'pipelab/share';
/** The newest share format this build reads and writes. */
export const SHARE_VERSION = 1;

/** The author's result, so a recipient can check theirs against it. */
export interface SharedResult {
  readonly resultHash: string;
  readonly backend: string;
  readonly floatPrecision: number;
  readonly tfjsVersion: string;
  readonly appVersion: string;
  readonly engineVersion: string;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A data set that travels with (or is referred to by) a link: embedded when small, else by name and content hash. */
export interface SharedData {
  readonly stepId: string;
  readonly name: string;
  readonly hash: string;
  readonly csv: string | null;
}

/** Everything a share link carries. */
export interface SharePayload {
  readonly spec: PipelineSpec;
  readonly expected: SharedResult | null;
  readonly data: readonly SharedData[];
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The author's result as a link carries it, from a run record. */
export function sharedResult(record: RunRecord): SharedResult | null {
  if (!record.resultHash) return null;
  const e = record.environment;
  return { resultHash: record.resultHash, backend: e.backend, floatPrecision: e.floatPrecision, tfjsVersion: e.tfjsVersion, appVersion: e.appVersion, engineVersion: e.engineVersion, metrics: { ...record.metrics } };
}

/** The JSON document a link encodes. */
export function payloadDocument(p: SharePayload): Record<string, unknown> {
  const doc: Record<string, unknown> = { format: SHARE_FORMAT, version: SHARE_VERSION, spec: p.spec };
  if (p.expected) doc.expected = p.expected;
  if (p.data.length) doc.data = p.data;
  return doc;
}

/** Validates a decoded document as a share payload; the spec goes through the one restore path. */
export function readPayload(doc: unknown): SharePayload {
  const d = objectAt(doc, 'link');
  if (d.format !== SHARE_FORMAT) throw new ShareError('This is not a pipelab share link (its format tag is missing or wrong).');
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) throw new ShareError('The link has no valid format version.');
  if (d.version > SHARE_VERSION) throw new ShareError('This link was made by a newer pipelab. Update the app (reload it online) to open it.');
  let spec: PipelineSpec;
  try {
    spec = restorePipeline(d.spec, stepCatalog);
  } catch (err) {
    if (err instanceof SpecError) throw new ShareError(`The shared pipeline is not valid: ${err.message}.`);
    throw err;
  }
  return { spec, expected: d.expected === undefined ? null : readExpected(d.expected), data: readData(d.data) };
}

function readExpected(value: unknown): SharedResult {
  const e = objectAt(value, 'expected');
  const text = (k: string, max = 200) => {
    const v = e[k];
    if (typeof v !== 'string' || v.length > max) throw new ShareError(`The link's expected result is damaged (${k}: ${describeValue(v)}).`);
    return v;
  };
  if (!HEX64.test(String(e.resultHash))) throw new ShareError("The link's expected result hash is damaged.");
  const precision = e.floatPrecision;
  if (precision !== 16 && precision !== 32) throw new ShareError("The link's expected float precision must be 16 or 32.");
  const metrics = objectAt(e.metrics, 'expected.metrics');
  const keys = Object.keys(metrics);
  if (keys.length > 20 || keys.some((k) => k.length > 40 || typeof metrics[k] !== 'number' || !Number.isFinite(metrics[k]))) {
    throw new ShareError("The link's expected metrics are damaged.");
  }
  return {
    resultHash: String(e.resultHash), backend: text('backend', 20), floatPrecision: precision, tfjsVersion: text('tfjsVersion', 40),
    appVersion: text('appVersion', 40), engineVersion: text('engineVersion', 40), metrics: metrics as Record<string, number>,
  };
}

function readData(value: unknown): SharedData[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 10) throw new ShareError("The link's data list is damaged.");
  return value.map((item, i) => {
    const d = objectAt(item, `data[${i}]`);
    if (typeof d.stepId !== 'string' || typeof d.name !== 'string' || d.name.length > 200 || !HEX64.test(String(d.hash))) {
      throw new ShareError(`The link's data entry ${i + 1} is damaged.`);
    }
    if (d.csv !== null && d.csv !== undefined && (typeof d.csv !== 'string' || d.csv.length > 2_000_000)) {
      throw new ShareError(`The link's data entry ${i + 1} is damaged.`);
    }
    return { stepId: d.stepId, name: d.name, hash: String(d.hash), csv: (d.csv as string | undefined) ?? null };
  });
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ShareError(`The ${where} is damaged: expected an object, got ${describeValue(value)}.`);
  return value as Record<string, unknown>;
}
