import type { ParamValue, ParamValues } from './params';
import type { PipelineSpec, StepSpec } from './spec';

/** One parameter whose value differs between two versions of a step; undefined where a side lacks it. */
export interface ParamChange {
  readonly name: string;
  readonly before: ParamValue | undefined;
  readonly after: ParamValue | undefined;
}

/** How a step differs between two versions of a pipeline. */
export type StepChangeKind = 'same' | 'added' | 'removed' | 'moved' | 'changed' | 'moved-and-changed';

/** One step's entry in a version diff. */
export interface StepDiff {
  readonly id: string;
  /** The step kind (the new one, or the old one when removed). */
  readonly kind: string;
  readonly change: StepChangeKind;
  /** Position in the old spec, null when added. */
  readonly beforeIndex: number | null;
  /** Position in the new spec, null when removed. */
  readonly afterIndex: number | null;
  /** Params whose value differs (deep equality), including those on one side only; empty for added and removed steps. */
  readonly params: readonly ParamChange[];
  /** The enabled flag on both sides, or null when it is unchanged (and for added and removed steps). */
  readonly enabled: { readonly before: boolean; readonly after: boolean } | null;
}

/** Everything that differs between two versions of a pipeline, step by step. */
export interface SpecDiff {
  readonly name: { before: string; after: string } | null;
  readonly seed: { before: number; after: number } | null;
  /** In the order of the new spec, with removed steps inserted where they stood in the old spec. */
  readonly steps: readonly StepDiff[];
  /** Number of differences: name, seed and each step that is not 'same'. */
  readonly changeCount: number;
}

/**
 * Compares two versions of a pipeline for the history view. Steps are matched by id
 * (a step whose kind changed counts as removed + added). Only the common steps outside
 * a longest run that kept its relative order are 'moved', so inserting or removing a
 * step does not make every later step look moved.
 */
export function diffSpecs(before: PipelineSpec, after: PipelineSpec): SpecDiff {
  const matchOf = matchSteps(before.steps, after.steps);
  const stayed = keptInOrder(after.steps.length, matchOf);
  const steps = orderEntries(before.steps, after.steps, matchOf, stayed);
  const name = before.name === after.name ? null : { before: before.name, after: after.name };
  const seed = before.seed === after.seed ? null : { before: before.seed, after: after.seed };
  const changeCount = (name ? 1 : 0) + (seed ? 1 : 0) + steps.filter((s) => s.change !== 'same').length;
  return { name, seed, steps, changeCount };
}

/** True when two param values are equal, comparing lists element by element. */
function paramValuesEqual(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => Object.is(item, b[i]));
  }
  return Object.is(a, b);
}

/** For each new step, the index of the old step with the same id and kind, or -1 (first occurrence of an id only). */
function matchSteps(before: readonly StepSpec[], after: readonly StepSpec[]): number[] {
  const oldIndex = new Map<string, number>();
  before.forEach((s, i) => {
    if (!oldIndex.has(s.id)) oldIndex.set(s.id, i);
  });
  const seen = new Set<string>();
  return after.map((s) => {
    const first = !seen.has(s.id);
    seen.add(s.id);
    const i = oldIndex.get(s.id);
    return first && i !== undefined && before[i].kind === s.kind ? i : -1;
  });
}

/**
 * Which new positions hold common steps that kept their relative order: a longest
 * increasing subsequence of their old indices (patience sorting). When several are
 * equally long, the one ending in the smallest old indices wins, so a step pulled
 * up past others is the one reported as moved.
 */
function keptInOrder(count: number, matchOf: readonly number[]): boolean[] {
  const tails: number[] = []; // tails[k]: new position ending the best run of length k + 1
  const prev: number[] = new Array<number>(count).fill(-1);
  for (let j = 0; j < count; j++) {
    const old = matchOf[j];
    if (old < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (matchOf[tails[mid]] < old) lo = mid + 1;
      else hi = mid;
    }
    prev[j] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = j;
  }
  const stayed = new Array<boolean>(count).fill(false);
  for (let j = tails.length > 0 ? tails[tails.length - 1] : -1; j >= 0; j = prev[j]) stayed[j] = true;
  return stayed;
}

/** The diff entries in new-spec order, each removed step placed after the nearest earlier old step that stayed in place. */
function orderEntries(
  before: readonly StepSpec[],
  after: readonly StepSpec[],
  matchOf: readonly number[],
  stayed: readonly boolean[],
): StepDiff[] {
  const matched = new Set(matchOf.filter((i) => i >= 0));
  const anchorOfOld = new Map<number, number>(); // old index of a step that stayed → its new index
  matchOf.forEach((old, j) => {
    if (stayed[j]) anchorOfOld.set(old, j);
  });
  const removedAfter = new Map<number, StepDiff[]>(); // anchor's old index (-1: the start) → removed steps
  let anchor = -1;
  before.forEach((step, i) => {
    if (anchorOfOld.has(i)) anchor = i;
    if (matched.has(i)) return;
    const list = removedAfter.get(anchor) ?? [];
    list.push(removedEntry(step, i));
    removedAfter.set(anchor, list);
  });
  const out: StepDiff[] = [...(removedAfter.get(-1) ?? [])];
  after.forEach((step, j) => {
    const old = matchOf[j];
    out.push(old < 0 ? addedEntry(step, j) : commonEntry(before[old], old, step, j, !stayed[j]));
    if (old >= 0 && stayed[j]) out.push(...(removedAfter.get(old) ?? []));
  });
  return out;
}

function removedEntry(step: StepSpec, i: number): StepDiff {
  return { id: step.id, kind: step.kind, change: 'removed', beforeIndex: i, afterIndex: null, params: [], enabled: null };
}

function addedEntry(step: StepSpec, j: number): StepDiff {
  return { id: step.id, kind: step.kind, change: 'added', beforeIndex: null, afterIndex: j, params: [], enabled: null };
}

function commonEntry(old: StepSpec, i: number, now: StepSpec, j: number, moved: boolean): StepDiff {
  const params = diffParams(old.params, now.params);
  const enabled = old.enabled === now.enabled ? null : { before: old.enabled, after: now.enabled };
  const changed = params.length > 0 || enabled !== null;
  const change: StepChangeKind = moved ? (changed ? 'moved-and-changed' : 'moved') : changed ? 'changed' : 'same';
  return { id: now.id, kind: now.kind, change, beforeIndex: i, afterIndex: j, params, enabled };
}

/** Params whose values differ: the new spec's names in its order, then names only the old spec has. */
function diffParams(before: ParamValues, after: ParamValues): ParamChange[] {
  const names = [...Object.keys(after), ...Object.keys(before).filter((n) => !Object.hasOwn(after, n))];
  const out: ParamChange[] = [];
  for (const name of names) {
    const b = Object.hasOwn(before, name) ? before[name] : undefined;
    const a = Object.hasOwn(after, name) ? after[name] : undefined;
    if (!paramValuesEqual(b, a)) out.push({ name, before: b, after: a });
  }
  return out;
}
