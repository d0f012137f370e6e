import { SpecError, describeValue } from './errors';
import { restoredParams, validateParam, type ParamValues } from './params';
import {
  PIPELINE_FORMAT,
  PIPELINE_VERSION,
  SPEC_LIMITS,
  STEP_ID_PATTERN,
  type PipelineSpec,
  type StepSpec,
} from './spec';
import type { StepCatalog, StepDescription } from './step-description';
import { MAX_SEED } from './prng';
import { PIPELINE_MIGRATIONS, migratePipeline, oldestVersion, type Migrations } from './migrate';

type Doc = Record<string, unknown>;

const TOP_KEYS = ['format', 'version', 'name', 'seed', 'steps'];
const STEP_KEYS = ['id', 'kind', 'params', 'enabled'];

/** How restore upgrades old documents: pipelab's migrations unless a test passes its own table. */
export interface RestoreOptions {
  readonly migrations?: Migrations;
}

/**
 * The one way any pipeline comes in (URL, IndexedDB, file, CLI argument):
 * decode → migrate → fill defaults → validate. Returns a complete, valid spec or
 * throws a SpecError naming the field path, what was expected and what arrived.
 */
export function restorePipeline(input: unknown, catalog: StepCatalog, options: RestoreOptions = {}): PipelineSpec {
  const migrations = options.migrations ?? PIPELINE_MIGRATIONS;
  const doc = decodeDocument(input);
  checkEnvelope(doc, oldestVersion(migrations));
  const migrated = migratePipeline(doc, doc.version as number, migrations);
  return validatePipeline(migrated, catalog);
}

/**
 * Parses JSON text (or takes an already parsed value) within the size and depth
 * limits; bigger documents (bundles) pass their own `maxTextLength`.
 */
export function decodeDocument(input: unknown, maxTextLength: number = SPEC_LIMITS.maxTextLength): Doc {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > maxTextLength) {
      throw new SpecError('', `at most ${maxTextLength} characters of JSON`, `${input.length} characters`);
    }
    try {
      value = JSON.parse(input);
    } catch (err) {
      throw new SpecError('', 'JSON text', `text that is not valid JSON (${(err as Error).message})`);
    }
  }
  checkDepth(value, 0);
  if (!isObject(value)) throw new SpecError('', 'a JSON object', describeValue(value));
  return value;
}

function checkDepth(value: unknown, depth: number): void {
  if (depth > SPEC_LIMITS.maxDepth) {
    throw new SpecError('', `nesting at most ${SPEC_LIMITS.maxDepth} levels deep`, 'deeper nesting');
  }
  if (Array.isArray(value)) for (const v of value) checkDepth(v, depth + 1);
  else if (isObject(value)) for (const v of Object.values(value)) checkDepth(v, depth + 1);
}

function checkEnvelope(doc: Doc, oldest: number): void {
  if (doc.format !== PIPELINE_FORMAT) {
    throw new SpecError('format', JSON.stringify(PIPELINE_FORMAT), describeValue(doc.format));
  }
  const v = doc.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < oldest) {
    throw new SpecError('version', `a format version from ${oldest} to ${PIPELINE_VERSION}`, describeValue(v));
  }
  if (v > PIPELINE_VERSION) {
    throw new SpecError(
      'version',
      `a format version from ${oldest} to ${PIPELINE_VERSION} (this document was made by a newer pipelab: update the app)`,
      describeValue(v),
    );
  }
}

function validatePipeline(doc: Doc, catalog: StepCatalog): PipelineSpec {
  rejectUnknownKeys(doc, TOP_KEYS, '');
  const name = doc.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > SPEC_LIMITS.maxNameLength) {
    throw new SpecError('name', `a non-empty name of at most ${SPEC_LIMITS.maxNameLength} characters`, describeValue(name));
  }
  const seed = doc.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new SpecError('seed', `an integer from 0 to ${MAX_SEED}`, describeValue(seed));
  }
  if (!Array.isArray(doc.steps)) throw new SpecError('steps', 'a list of steps', describeValue(doc.steps));
  if (doc.steps.length > SPEC_LIMITS.maxSteps) {
    throw new SpecError('steps', `at most ${SPEC_LIMITS.maxSteps} steps`, describeValue(doc.steps));
  }
  const steps = doc.steps.map((s, i) => validateStep(s, `steps[${i}]`, catalog));
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.id)) throw new SpecError(`steps[${i}].id`, 'an id no other step uses', `the repeated id ${JSON.stringify(s.id)}`);
    seen.add(s.id);
  });
  return { format: PIPELINE_FORMAT, version: PIPELINE_VERSION, name, seed, steps };
}

function validateStep(value: unknown, path: string, catalog: StepCatalog): StepSpec {
  if (!isObject(value)) throw new SpecError(path, 'a step object', describeValue(value));
  rejectUnknownKeys(value, STEP_KEYS, path);
  const { id, kind } = value;
  if (typeof id !== 'string' || id.length > SPEC_LIMITS.maxStepIdLength || !STEP_ID_PATTERN.test(id)) {
    throw new SpecError(
      `${path}.id`,
      `an id of 1 to ${SPEC_LIMITS.maxStepIdLength} letters, digits, '-' or '_'`,
      describeValue(id),
    );
  }
  if (typeof kind !== 'string') throw new SpecError(`${path}.kind`, 'a step kind', describeValue(kind));
  const description = catalog.describe(kind);
  if (!description) {
    throw new SpecError(`${path}.kind`, `a known step kind (${catalog.kinds().join(', ')})`, `the unknown kind ${describeValue(kind).replace('the string ', '')}`);
  }
  const enabled = value.enabled ?? true;
  if (typeof enabled !== 'boolean') throw new SpecError(`${path}.enabled`, 'true or false', describeValue(enabled));
  const params = validateParams(value.params ?? {}, description, `${path}.params`);
  return { id, kind, params, enabled };
}

function validateParams(value: unknown, description: StepDescription, path: string): ParamValues {
  if (!isObject(value)) throw new SpecError(path, 'an object of parameters', describeValue(value));
  const known = Object.keys(description.params);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const expected = known.length ? `one of the parameters ${known.join(', ')}` : 'no parameters';
      throw new SpecError(`${path}.${key}`, expected, `an unknown parameter of ${description.kind}`);
    }
  }
  const filled = { ...restoredParams(description.params), ...value } as Record<string, unknown>;
  const out: ParamValues = {};
  for (const key of known) out[key] = validateParam(description.params[key], filled[key], `${path}.${key}`);
  return out;
}

function rejectUnknownKeys(obj: Doc, allowed: string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new SpecError(path ? `${path}.${key}` : key, `only the fields ${allowed.join(', ')}`, 'an unknown field');
    }
  }
}

function isObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
