// Seeded generators of random but VALID share payloads, for the link property tests.
// Everything draws from the project's Prng, so every failure reproduces from its seed.
import type { ParamSchema, ParamValue, ParamValues } from '../../src/core/params';
import { MAX_SEED, Prng } from '../../src/core/prng';
import { PIPELINE_FORMAT, PIPELINE_VERSION, SPEC_LIMITS, type PipelineSpec, type StepSpec } from '../../src/core/spec';
import type { SharedData, SharedResult, SharePayload } from '../../src/share/share-payload';
import { ALL_STEPS } from '../../src/steps/registry';

/** The characters of unpadded base64url (what a share link's data is written in). */
export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Pieces names are built from: plain text, unicode, quotes, markup, emoji, whitespace, escapes. */
const NAME_PIECES = [
  'Iris', 'pipeline', 'run 2', ' ', '  ', '"', "'", '`', '\\', '/', '\n', '\t', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '</textarea>', '${x}', '{{x}}', '&amp;', '%20', '#share=1.', '?', '=', '.',
  'Ünïcødé', '日本語のパイプライン', 'Ελληνικά', 'עברית', 'العربية', '\u202e', '\u200b', '\u00a0', '\ufeff',
  '😀', '🧪🔬', '👩‍🔬', '🏳️‍🌈', '\ud800', '\udfff', 'null', 'undefined', '__proto__', '0', '-1', '1e999',
];

/** A uniform integer in [lo, hi] (inclusive). */
export function intIn(rng: Prng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

/** One element of a non-empty list. */
export function pick<T>(rng: Prng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** A random pipeline name: 1 to 200 UTF-16 units, never blank, mixing hostile and unicode text. */
export function randomName(rng: Prng): string {
  const target = rng.next() < 0.1 ? SPEC_LIMITS.maxNameLength : intIn(rng, 1, 60);
  let name = '';
  while (name.length < target) name += rng.next() < 0.7 ? pick(rng, NAME_PIECES) : String.fromCharCode(intIn(rng, 0x20, 0x2fff));
  name = name.slice(0, SPEC_LIMITS.maxNameLength);
  if (name.trim() === '') name = `x${name.slice(1)}`;
  return name;
}

/** A random seed: any unsigned 32-bit integer, with the edges drawn often. */
export function randomSeed(rng: Prng): number {
  const r = rng.next();
  if (r < 0.05) return 0;
  if (r < 0.1) return MAX_SEED;
  return rng.nextUint32();
}

const ID_FIRST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_REST = `${ID_FIRST}-_`;

/** A random step id matching STEP_ID_PATTERN, 1 to 64 characters. */
export function randomStepId(rng: Prng): string {
  const length = rng.next() < 0.1 ? SPEC_LIMITS.maxStepIdLength : intIn(rng, 1, 12);
  let id = pick(rng, [...ID_FIRST]);
  while (id.length < length) id += pick(rng, [...ID_REST]);
  return id;
}

/** A random value valid for one parameter schema. */
export function randomParam(rng: Prng, schema: ParamSchema): ParamValue {
  switch (schema.type) {
    case 'boolean':
      return rng.next() < 0.5;
    case 'choice':
      return pick(rng, schema.options).value;
    case 'number':
      return randomNumber(rng, schema.min, schema.max, schema.integer ?? false);
    case 'int-list':
      return Array.from({ length: intIn(rng, schema.minLength, schema.maxLength) }, () => randomNumber(rng, schema.min, schema.max, true));
    case 'text':
      return schema.pattern ? (schema.optional ? '' : schema.default) : `t ${randomStepId(rng)}`.slice(0, schema.maxLength);
    case 'columns': {
      const count = intIn(rng, 0, Math.min(4, schema.maxLength));
      return [...new Set(Array.from({ length: count }, (_, i) => `col ${i} ${randomStepId(rng)}`))];
    }
  }
}

function randomNumber(rng: Prng, min: number, max: number, integer: boolean): number {
  const r = rng.next();
  if (r < 0.1) return min;
  if (r < 0.2) return max;
  if (integer) return intIn(rng, Math.ceil(min), Math.floor(max));
  return rng.uniform(min, max) + 0; // `+ 0` turns a -0 into 0 (JSON cannot carry -0)
}

/** Random valid values for every parameter of a step kind (restore fills them all in, so a full set is canonical). */
export function randomParams(rng: Prng, schemas: Readonly<Record<string, ParamSchema>>): ParamValues {
  const out: ParamValues = {};
  for (const [name, schema] of Object.entries(schemas)) out[name] = randomParam(rng, schema);
  return out;
}

/** A random valid pipeline spec, already in restored (canonical) form: 0 to 8 steps of registered kinds. */
export function randomSpec(rng: Prng): PipelineSpec {
  const ids = new Set<string>();
  const count = intIn(rng, 0, 8);
  while (ids.size < count) ids.add(randomStepId(rng));
  const steps: StepSpec[] = [...ids].map((id) => {
    const step = pick(rng, ALL_STEPS);
    return { id, kind: step.kind, params: randomParams(rng, step.params), enabled: rng.next() < 0.8 };
  });
  return { format: PIPELINE_FORMAT, version: PIPELINE_VERSION, name: randomName(rng), seed: randomSeed(rng), steps };
}

/** A random lowercase 64-hex hash (a SHA-256 as pipelab writes it). */
export function randomHash(rng: Prng): string {
  let hex = '';
  while (hex.length < 64) hex += rng.nextUint32().toString(16).padStart(8, '0');
  return hex;
}

function randomText(rng: Prng, max: number): string {
  let text = '';
  const length = intIn(rng, 0, max);
  while (text.length < length) text += rng.next() < 0.5 ? pick(rng, NAME_PIECES) : String.fromCharCode(intIn(rng, 0x20, 0x7e));
  return text.slice(0, max);
}

/** A random finite metric value (never -0, which JSON cannot carry). */
function randomMetric(rng: Prng): number {
  const r = rng.next();
  if (r < 0.1) return 0;
  if (r < 0.2) return 1;
  if (r < 0.3) return Number.MAX_VALUE * (rng.next() < 0.5 ? 1 : -1);
  if (r < 0.4) return Number.MIN_VALUE;
  return rng.normal() * 10 ** intIn(rng, -8, 8) + 0;
}

/** A random author's result as a link carries it (within readPayload's limits), or null. */
export function randomSharedResult(rng: Prng): SharedResult | null {
  if (rng.next() < 0.25) return null;
  const metrics: Record<string, number> = {};
  const count = intIn(rng, 0, 20);
  for (let i = 0; i < count; i++) metrics[`${pick(rng, ['accuracy', 'r2', 'mse', 'f1', 'loss', 'm'])}_${i}`] = randomMetric(rng);
  return {
    resultHash: randomHash(rng),
    backend: pick(rng, ['cpu', 'wasm', 'webgl', randomText(rng, 20)]),
    floatPrecision: pick(rng, [16, 32]),
    tfjsVersion: randomText(rng, 40),
    appVersion: randomText(rng, 40),
    engineVersion: randomText(rng, 40),
    metrics,
  };
}

/** Random data entries (mostly none; embedded CSV or a reference by hash). */
export function randomData(rng: Prng): SharedData[] {
  if (rng.next() < 0.7) return [];
  return Array.from({ length: intIn(rng, 1, 3) }, () => ({
    stepId: randomStepId(rng),
    name: randomText(rng, 200) || 'data.csv',
    hash: randomHash(rng),
    csv: rng.next() < 0.5 ? null : `x,y\n${Array.from({ length: intIn(rng, 0, 20) }, () => `${rng.normal()},${rng.int(3)}`).join('\n')}`,
  }));
}

/** A random valid share payload. */
export function randomPayload(rng: Prng): SharePayload {
  return { spec: randomSpec(rng), expected: randomSharedResult(rng), data: randomData(rng) };
}
