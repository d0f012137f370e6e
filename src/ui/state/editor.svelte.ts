import { SpecError } from '../../core/errors';
import { defaultParams, validateParam, type ParamValue } from '../../core/params';
import { MAX_SEED } from '../../core/prng';
import { restorePipeline } from '../../core/restore';
import type { PipelineSpec, StepSpec } from '../../core/spec';
import { STEP_CATEGORIES } from '../../core/step-description';
import { stepCatalog } from '../../steps/catalog';
import { newStepId } from './step-ids';
import { fixLeaks } from '../../core/leakage';

/** The pipeline being edited, with every edit validated against the step's param schema. */
export class EditorState {
  spec = $state<PipelineSpec>(emptySpec());
  /** The step whose output the data view shows. */
  selectedStepId = $state<string | null>(null);
  /** Bumped on every change, so listeners (autosave, stale marks) can react. */
  revision = $state(0);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners are plumbing, not UI state
  private readonly listeners = new Set<(revision: number, reason: ChangeReason) => void>();

  /** Calls `listener` after every change (an edit by the user, or a whole pipeline loaded); returns the function that stops it. */
  subscribe(listener: (revision: number, reason: ChangeReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the pipeline (a gallery example, a restored version). */
  load(spec: PipelineSpec): void {
    this.spec = structuredClone(spec);
    this.selectedStepId = null;
    this.changed('load');
  }

  /**
   * Takes a pipeline merged in a live session (already validated): saved like an edit, never auto-run.
   * With the same steps, only the fields that differ are set, so a control someone is typing in
   * elsewhere is not redrawn; the selection stays while its step exists.
   */
  merge(spec: PipelineSpec): void {
    const next = structuredClone(spec);
    const steps = this.spec.steps;
    const sameSteps = steps.length === next.steps.length && steps.every((s, i) => s.id === next.steps[i].id && s.kind === next.steps[i].kind);
    if (!sameSteps) this.spec = next;
    else {
      if (this.spec.name !== next.name) this.spec.name = next.name;
      if (this.spec.seed !== next.seed) this.spec.seed = next.seed;
      next.steps.forEach((step, i) => mergeStep(steps[i], step));
    }
    if (!next.steps.some((s) => s.id === this.selectedStepId)) this.selectedStepId = null;
    this.changed('remote');
  }

  /** A plain, validated copy of the pipeline, ready to send to the worker; throws SpecError when invalid. */
  snapshot(): PipelineSpec {
    return restorePipeline($state.snapshot(this.spec), stepCatalog);
  }

  /** The validation problem of the whole pipeline, or null. */
  get problem(): string | null {
    try {
      this.snapshot();
      return null;
    } catch (err) {
      return err instanceof SpecError ? err.message : String(err);
    }
  }

  rename(name: string): void {
    this.spec.name = name;
    this.changed();
  }

  /** Sets the seed when it is an integer in range; returns an error message otherwise. */
  setSeed(seed: number): string | null {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return `The seed must be a whole number from 0 to ${MAX_SEED}.`;
    this.spec.seed = seed;
    this.changed();
    return null;
  }

  /** Picks a fresh seed from the browser's cryptographic generator (a seed is chosen, never used unseeded). */
  newSeed(random: () => number = cryptoSeed): void {
    this.spec.seed = random() % 100000;
    this.changed();
  }

  /** Adds a step of `kind` with default params after the last step of the same or an earlier category. */
  addStep(kind: string): string {
    const description = stepCatalog.describe(kind);
    if (!description) throw new Error(`Unknown step kind ${kind}`);
    const rank = STEP_CATEGORIES.indexOf(description.category);
    let at = this.spec.steps.length;
    while (at > 0) {
      const prev = stepCatalog.describe(this.spec.steps[at - 1].kind);
      if (prev && STEP_CATEGORIES.indexOf(prev.category) <= rank) break;
      at--;
    }
    const id = newStepId(kind, this.spec.steps);
    this.spec.steps.splice(at, 0, { id, kind, params: defaultParams(description.params), enabled: true });
    this.changed();
    return id;
  }

  removeStep(id: string): StepSpec | null {
    const index = this.indexOf(id);
    if (index < 0) return null;
    const [removed] = this.spec.steps.splice(index, 1);
    if (this.selectedStepId === id) this.selectedStepId = null;
    this.changed();
    return $state.snapshot(removed) as StepSpec;
  }

  /** Moves a step to position `to` (clamped). */
  moveStep(id: string, to: number): void {
    const from = this.indexOf(id);
    const target = Math.max(0, Math.min(this.spec.steps.length - 1, to));
    if (from < 0 || from === target) return;
    const [step] = this.spec.steps.splice(from, 1);
    this.spec.steps.splice(target, 0, step);
    this.changed();
  }

  toggleStep(id: string): void {
    const step = this.spec.steps[this.indexOf(id)];
    if (!step) return;
    step.enabled = !step.enabled;
    this.changed();
  }

  /** Sets a param when valid for its schema; returns the error message otherwise (the spec is left as it was). */
  setParam(id: string, name: string, value: unknown): string | null {
    const step = this.spec.steps[this.indexOf(id)];
    const schema = step && stepCatalog.describe(step.kind)?.params[name];
    if (!step || !schema) return `No parameter ${name} on step ${id}.`;
    try {
      step.params[name] = validateParam(schema, value, name) as ParamValue;
    } catch (err) {
      return err instanceof SpecError ? `Expected ${err.expected}, got ${err.received}.` : String(err);
    }
    this.changed();
    return null;
  }

  /** Moves every step that is fitted before the split to just after it (their order kept). */
  fixLeaks(): void {
    this.spec.steps = fixLeaks($state.snapshot(this.spec) as PipelineSpec, stepCatalog).steps;
    this.changed();
  }

  indexOf(id: string): number {
    return this.spec.steps.findIndex((s) => s.id === id);
  }

  private changed(reason: ChangeReason = 'edit'): void {
    this.revision++;
    for (const listener of this.listeners) listener(this.revision, reason);
  }
}

/** Sets in `into` (a step of the editor's state) the fields of `from` that differ. */
function mergeStep(into: StepSpec, from: StepSpec): void {
  if (into.enabled !== from.enabled) into.enabled = from.enabled;
  for (const key of Object.keys(into.params)) if (!(key in from.params)) delete into.params[key];
  for (const [key, value] of Object.entries(from.params)) {
    if (JSON.stringify(into.params[key]) !== JSON.stringify(value)) into.params[key] = value;
  }
}

/** Why the pipeline changed: the user edited it, a whole pipeline was loaded, or others' edits arrived (live session). */
export type ChangeReason = 'edit' | 'load' | 'remote';

/** A pipeline with no steps yet. */
export function emptySpec(): PipelineSpec {
  return { format: 'pipelab/pipeline', version: 1, name: 'Untitled pipeline', seed: 42, steps: [] };
}

function cryptoSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}
