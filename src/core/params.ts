import { SpecError, describeValue } from './errors';

interface ParamBase {
  /** Short label shown beside the control. */
  readonly label: string;
  /** One or two sentences a student understands: what it does, when to change it. */
  readonly help: string;
}

/** A number, optionally an integer, within inclusive bounds. `log` asks the UI for a log-scale slider. */
export interface NumberParam extends ParamBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly step?: number;
  readonly log?: boolean;
}

/** One value out of a fixed list of options; `V` is the union of the option values. */
export interface ChoiceParam<V extends string = string> extends ParamBase {
  readonly type: 'choice';
  readonly default: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  /**
   * For a param added to a step after documents were saved without it: the value those documents
   * restore to, the one that reproduces what they meant (new steps still get `default`).
   */
  readonly before?: V;
}

/** An on/off switch. */
export interface BooleanParam extends ParamBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** A list of integers, such as hidden-layer sizes. */
export interface IntListParam extends ParamBase {
  readonly type: 'int-list';
  readonly default: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly minLength: number;
  readonly maxLength: number;
}

/** A set of column names a step applies to; an empty list means every column the step can use. */
export interface ColumnsParam extends ParamBase {
  readonly type: 'columns';
  readonly default: readonly string[];
  readonly maxLength: number;
}

/** A short piece of text (a column name, a file name, a content hash), optionally matching a pattern. */
export interface TextParam extends ParamBase {
  readonly type: 'text';
  readonly default: string;
  readonly maxLength: number;
  /** When set, the text must match it in full (e.g. a SHA-256 in hex); '' is allowed when `optional`. */
  readonly pattern?: string;
  readonly optional?: boolean;
}

/** Any one step parameter's schema: drives defaults, validation, the UI control and the URL codec. */
export type ParamSchema = NumberParam | ChoiceParam | BooleanParam | IntListParam | ColumnsParam | TextParam;

/** A step's parameter schemas by name. */
export type ParamSchemas = Readonly<Record<string, ParamSchema>>;

/** A value any parameter can hold. */
export type ParamValue = number | string | boolean | number[] | string[];

/** Parameter values by name. */
export type ParamValues = Record<string, ParamValue>;

/** The value type one schema gives: a number for a number, a string for a choice or text, and so on. */
export type ParamOf<S extends ParamSchema> = S extends NumberParam
  ? number
  : S extends BooleanParam
    ? boolean
    : S extends IntListParam
      ? number[]
      : S extends ColumnsParam
        ? string[]
        : S extends ChoiceParam<infer V>
          ? V
          : string;

/** Typed parameter values of a schema set (what a step's `run` gets after restore filled in defaults). */
export type ParamsOf<P extends ParamSchemas> = { -readonly [K in keyof P]: ParamOf<P[K]> };

/** The default value of every parameter. */
/**
 * The params a saved document that lacks some of them restores to: each param's `before` value
 * where it declares one (it was added after such documents were saved), else its default.
 */
export function restoredParams(schemas: ParamSchemas): ParamValues {
  const out = defaultParams(schemas);
  for (const [name, schema] of Object.entries(schemas)) if (schema.type === 'choice' && schema.before !== undefined) out[name] = schema.before;
  return out;
}

export function defaultParams(schemas: ParamSchemas): ParamValues {
  const out: ParamValues = {};
  for (const [name, schema] of Object.entries(schemas)) {
    out[name] = Array.isArray(schema.default) ? [...schema.default] : (schema.default as ParamValue);
  }
  return out;
}

/**
 * Checks one value against its schema and returns it (a fresh copy for lists);
 * throws a SpecError naming `path`, what was expected and what arrived.
 */
export function validateParam(schema: ParamSchema, value: unknown, path: string): ParamValue {
  switch (schema.type) {
    case 'number':
      return checkNumber(value, schema.min, schema.max, schema.integer ?? false, path);
    case 'boolean':
      if (typeof value !== 'boolean') throw new SpecError(path, 'true or false', describeValue(value));
      return value;
    case 'choice': {
      const allowed = schema.options.map((o) => o.value);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw new SpecError(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, describeValue(value));
      }
      return value;
    }
    case 'int-list':
      return checkIntList(schema, value, path);
    case 'columns':
      return checkColumns(schema, value, path);
    case 'text':
      return checkText(schema, value, path);
  }
}

function checkText(schema: TextParam, value: unknown, path: string): string {
  const what = `text of at most ${schema.maxLength} characters${schema.pattern ? ` matching ${schema.pattern}` : ''}`;
  if (typeof value !== 'string' || value.length > schema.maxLength) throw new SpecError(path, what, describeValue(value));
  if (value === '' && schema.optional) return value;
  if (schema.pattern && !new RegExp(`^(?:${schema.pattern})$`).test(value)) throw new SpecError(path, what, describeValue(value));
  return value;
}

function checkColumns(schema: ColumnsParam, value: unknown, path: string): string[] {
  const what = `a list of at most ${schema.maxLength} distinct column names`;
  if (!Array.isArray(value) || value.length > schema.maxLength) throw new SpecError(path, what, describeValue(value));
  value.forEach((name, i) => {
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) throw new SpecError(`${path}[${i}]`, 'a column name of 1 to 200 characters', describeValue(name));
  });
  if (new Set(value).size !== value.length) throw new SpecError(path, what, 'a name listed twice');
  return [...value];
}

function checkNumber(value: unknown, min: number, max: number, integer: boolean, path: string): number {
  const what = `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SpecError(path, what, describeValue(value));
  if (integer && !Number.isInteger(value)) throw new SpecError(path, what, describeValue(value));
  if (value < min || value > max) throw new SpecError(path, what, describeValue(value));
  return value;
}

function checkIntList(schema: IntListParam, value: unknown, path: string): number[] {
  const what = `a list of ${schema.minLength} to ${schema.maxLength} integers`;
  if (!Array.isArray(value)) throw new SpecError(path, what, describeValue(value));
  if (value.length < schema.minLength || value.length > schema.maxLength) {
    throw new SpecError(path, what, describeValue(value));
  }
  return value.map((item, i) => checkNumber(item, schema.min, schema.max, true, `${path}[${i}]`));
}
