import { ShareError } from '../share/share-error';
import { BROWSERS, SYSTEMS, type BrowserFamily, type OsFamily } from './env-family';

/** Longest student name kept (in characters); longer names are shortened with "…". */
export const MAX_NAME = 40;
/** Most steps and metrics a result code may carry. */
export const MAX_STEPS = 64;
export const MAX_METRICS = 12;

/** Damage in a result code: the message names the field. */
export function damaged(field: string, expected: string): ShareError {
  return new ShareError(`This result code is damaged: ${field} should be ${expected}. Ask the student to hand in again.`);
}

/**
 * A name as the board shows it: control and formatting characters removed, spaces
 * collapsed, at most MAX_NAME characters (code points). Never interpreted as markup.
 */
export function cleanName(raw: string): string {
  const text = raw.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('').trimEnd()}…` : text;
}

/** A string field matching `pattern`. */
export function pick(value: unknown, field: string, pattern: RegExp, expected: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw damaged(field, expected);
  return value;
}

/** An integer field within [min, max]. */
export function pickInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw damaged(field, `a whole number from ${min} to ${max}`);
  return value;
}

/** A browser family from the fixed list. */
export function pickBrowser(value: unknown): BrowserFamily {
  if (!(BROWSERS as readonly unknown[]).includes(value)) throw damaged('the browser', `one of ${BROWSERS.join(', ')}`);
  return value as BrowserFamily;
}

/** An OS family from the fixed list. */
export function pickOs(value: unknown): OsFamily {
  if (!(SYSTEMS as readonly unknown[]).includes(value)) throw damaged('the operating system', `one of ${SYSTEMS.join(', ')}`);
  return value as OsFamily;
}

const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HEX8 = /^[0-9a-f]{8}$/;
const METRIC = /^[A-Za-z0-9_.-]{1,40}$/;

/** Per-step output hashes: [step id, 8 hex digits] pairs, in pipeline order. */
export function pickSteps(value: unknown): [string, string][] {
  if (!Array.isArray(value) || value.length > MAX_STEPS) throw damaged('the step list', `a list of at most ${MAX_STEPS} steps`);
  return value.map((item, i) => {
    if (!Array.isArray(item) || item.length !== 2) throw damaged(`step ${i + 1}`, 'a [step id, hash] pair');
    return [pick(item[0], `step ${i + 1}'s id`, STEP_ID, 'a step id'), pick(item[1], `step ${i + 1}'s hash`, HEX8, '8 hex digits')];
  });
}

/** Headline metrics: at most MAX_METRICS named finite numbers. */
export function pickMetrics(value: unknown): Record<string, number> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw damaged('the metrics', 'an object of numbers');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_METRICS) throw damaged('the metrics', `at most ${MAX_METRICS} numbers`);
  const out: Record<string, number> = {};
  for (const [k, v] of entries) {
    if (!METRIC.test(k) || k === '__proto__') throw damaged('a metric name', 'letters, digits, "_", "." or "-"');
    if (typeof v !== 'number' || !Number.isFinite(v)) throw damaged(`the metric ${k}`, 'a finite number');
    out[k] = v;
  }
  return out;
}
