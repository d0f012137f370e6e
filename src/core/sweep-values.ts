// The values a sweep tries for one numeric parameter, typed as a list ("0.01, 0.1, 1")
// or a range ("from, to, count", linear or log spaced). Pure: no DOM, no tfjs.
import { detExp, detLog } from './det-math';
import { SpecError } from './errors';
import type { NumberParam, ParamSchema } from './params';

/** How a numeric axis is written: a list of values, or a range with linear or log spacing. */
export type ValuesMode = 'list' | 'linear' | 'log';

/** The most values one axis may have. */
export const MAX_AXIS_VALUES = 50;

/** Whether a sweep can vary this param: numbers (typed values), choices and booleans (picked). */
export function isSweepable(schema: ParamSchema): boolean {
  return schema.type === 'number' || schema.type === 'choice' || schema.type === 'boolean';
}

/**
 * Parses a numeric axis as typed by the user and checks each value against the
 * param's schema (bounds, integers). Duplicates are dropped, order is kept.
 * `path` names the axis in errors (e.g. "model.learningRate").
 */
export function parseNumberValues(text: string, mode: ValuesMode, schema: NumberParam, path: string): number[] {
  const numbers = splitNumbers(text, path);
  const values = mode === 'list' ? numbers : rangeFrom(numbers, mode, schema, path);
  const out: number[] = [];
  for (const v of values) {
    checkInSchema(v, schema, path);
    if (!out.includes(v)) out.push(v);
  }
  if (out.length === 0) throw new SpecError(path, 'at least one value', 'none');
  if (out.length > MAX_AXIS_VALUES) throw new SpecError(path, `at most ${MAX_AXIS_VALUES} values`, `${out.length}`);
  return out;
}

/**
 * `count` values from `from` to `to` (both included), evenly spaced, or evenly spaced
 * in the logarithm for 'log'. Values are rounded to 12 significant digits (so a log
 * range of 0.001 to 1 gives 0.01, not 0.009999999999999998), or to integers.
 */
export function rangeValues(from: number, to: number, count: number, scale: 'linear' | 'log', integer = false): number[] {
  if (!Number.isInteger(count) || count < 1) throw new SpecError('count', 'a whole number of values, at least 1', String(count));
  if (scale === 'log' && !(from > 0 && to > 0)) throw new SpecError('range', 'a log range between two positive numbers', `${from} to ${to}`);
  if (count === 1) return [tidy(from, integer)];
  const a = scale === 'log' ? detLog(from) : from;
  const b = scale === 'log' ? detLog(to) : to;
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return tidy(from, integer);
    if (i === count - 1) return tidy(to, integer);
    const t = a + ((b - a) * i) / (count - 1);
    return tidy(scale === 'log' ? detExp(t) : t, integer);
  });
}

function tidy(v: number, integer: boolean): number {
  return integer ? Math.round(v) : Number(v.toPrecision(12));
}

function splitNumbers(text: string, path: string): number[] {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new SpecError(path, 'numbers separated by commas (e.g. 0.01, 0.1, 1)', 'nothing');
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isFinite(n)) throw new SpecError(path, 'numbers separated by commas (e.g. 0.01, 0.1, 1)', `"${p}"`);
    return n;
  });
}

function rangeFrom(numbers: number[], scale: 'linear' | 'log', schema: NumberParam, path: string): number[] {
  if (numbers.length !== 3) throw new SpecError(path, 'a range as three numbers: from, to, count (e.g. 0.001, 1, 4)', `${numbers.length} numbers`);
  const [from, to, count] = numbers;
  if (!Number.isInteger(count) || count < 1 || count > MAX_AXIS_VALUES) {
    throw new SpecError(path, `a count (the third number) from 1 to ${MAX_AXIS_VALUES}`, String(count));
  }
  if (scale === 'log' && !(from > 0 && to > 0)) throw new SpecError(path, 'a log range between two positive numbers', `${from} to ${to}`);
  return rangeValues(from, to, count, scale, schema.integer ?? false);
}

function checkInSchema(v: number, schema: NumberParam, path: string): void {
  const what = `${schema.integer ? 'integers' : 'numbers'} from ${schema.min} to ${schema.max}`;
  if (v < schema.min || v > schema.max || (schema.integer && !Number.isInteger(v))) throw new SpecError(path, what, String(v));
}
