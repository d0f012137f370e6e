import type { RawRow } from '../../engine/try-it/raw-table';
import type { TryItOutcome, TryItSetup } from '../../engine/try-it/try-it';
import type { EngineCall } from '../../worker/engine-client';

/** The engine try-it asks (tryItSetup, predictRaw): the EngineClient, or in tests a stand-in of its call. */
export interface TryItEngine {
  readonly call: EngineCall;
}

/** Said when the engine does not hold the fitted pipeline of the results on show. */
export const RUN_TO_TRY = 'Run the pipeline to try it: the engine holds the fitted steps of its latest run only, and these results were loaded from storage or made before the engine restarted.';

/** How long typing pauses before the prediction is asked for. */
export const TRY_IT_DEBOUNCE_MS = 150;

/**
 * The try-it form: the fitted pipeline's raw columns, the values typed (as text), the test row
 * they started from, and the latest prediction, asked for shortly after each change.
 */
export class TryItState {
  setup = $state.raw<TryItSetup | null>(null);
  /** Why there is no form (no model, or the engine does not hold the run); '' when there is one. */
  unavailable = $state('');
  values = $state<Record<string, string>>({});
  rowIndex = $state(0);
  /** Whether a value was changed since the form was filled from a test row. */
  edited = $state(false);
  outcome = $state.raw<TryItOutcome | null>(null);
  busy = $state(false);
  private runKey: string | null = null;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly engine: TryItEngine,
    private readonly debounceMs = TRY_IT_DEBOUNCE_MS,
  ) {}

  /** Loads the form for the run `runKey` (its result hash), starting from its first test row. */
  async load(runKey: string): Promise<void> {
    if (runKey === this.runKey && (this.setup || this.unavailable)) return;
    this.runKey = runKey;
    this.cancelTimer();
    const setup = await this.engine.call('tryItSetup').catch(() => null);
    if (runKey !== this.runKey) return;
    this.setup = setup?.runKey === runKey ? setup : null;
    this.unavailable = this.setup ? '' : RUN_TO_TRY;
    this.outcome = null;
    if (this.setup) await this.pick(0);
  }

  /** Fills the form from test row `index` and predicts at once. */
  async pick(index: number): Promise<void> {
    const setup = this.setup;
    const row = setup?.testRows[index];
    if (!setup) return;
    this.rowIndex = index;
    this.edited = false;
    this.values = Object.fromEntries(setup.columns.map((c, j) => [c.name, row?.values[j] == null ? '' : String(row.values[j])]));
    await this.predict();
  }

  /** Sets one value as typed or picked; the prediction follows after a short pause. */
  set(name: string, text: string): void {
    this.values = { ...this.values, [name]: text };
    this.edited = true;
    this.cancelTimer();
    this.timer = setTimeout(() => void this.predict(), this.debounceMs);
  }

  /** Asks the engine for the prediction of the values now in the form (a later request wins). */
  async predict(): Promise<void> {
    const setup = this.setup;
    if (!setup) return;
    this.cancelTimer();
    const seq = ++this.seq;
    this.busy = true;
    try {
      const [outcome] = await this.engine.call('predictRaw', setup.runKey, [this.rawRow()]);
      if (seq === this.seq) this.outcome = outcome;
    } catch (err) {
      if (seq === this.seq) this.outcome = { ok: false, message: `The engine could not predict: ${(err as Error).message}` };
    } finally {
      if (seq === this.seq) this.busy = false;
    }
  }

  /** The form's values as a raw row: empty means missing; numbers are read by the engine, which names a bad one. */
  rawRow(): RawRow {
    return Object.fromEntries((this.setup?.columns ?? []).map((c) => [c.name, this.values[c.name]?.trim() ? this.values[c.name].trim() : null]));
  }

  /** Stops a pending prediction (when the panel goes away). */
  dispose(): void {
    this.cancelTimer();
    this.seq++;
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
