import { describe, expect, it, vi } from 'vitest';
import { predictPoints, predictRaw, tryItSetup, type TryItOutcome } from '../../src/engine/try-it/try-it';
import type { RawRow } from '../../src/engine/try-it/raw-table';
import type { RunResult } from '../../src/engine/run-pipeline';
import { RUN_TO_TRY, TryItState, type TryItEngine } from '../../src/ui/state/try-it.svelte';
import { loadExample, run, tf } from '../helpers';
import { callsTo } from './engine-stand-in';

/** The engine's try-it calls in-process on a real run (what the worker does with its last run). */
function engineOn(result: RunResult | null) {
  const asked: RawRow[] = [];
  const methods = {
    tryItSetup: async () => tryItSetup(result),
    predictRaw: async (key: string, rows: readonly RawRow[]) => (asked.push(...rows), predictRaw(tf, result, key, rows)),
    predictPoints: async (key: string, points: readonly (readonly [number, number])[]) => predictPoints(tf, result, key, points),
  };
  return { asked, methods, call: callsTo(methods) };
}

const predicted = (o: TryItOutcome | null) => (o?.ok ? o.predicted : o?.message);

describe('TryItState', () => {
  it('fills the form from the first test row and shows the run’s prediction for it; another row refills it', async () => {
    const result = await run(loadExample('penguins-mlp'));
    const state = new TryItState(engineOn(result), 0);
    await state.load(result.record.resultHash!);
    const setup = state.setup!;
    expect(state.unavailable).toBe('');
    expect(state.values.Island).toBe(setup.testRows[0].values[0]);
    expect(predicted(state.outcome)).toBe(setup.testRows[0].predicted);
    const other = setup.testRows.findIndex((r) => r.predicted !== setup.testRows[0].predicted);
    await state.pick(other);
    expect(state.rowIndex).toBe(other);
    expect(predicted(state.outcome)).toBe(setup.testRows[other].predicted);
  });

  it('sends typed values as a raw row (empty as missing) and shows a message for a bad one', async () => {
    const result = await run(loadExample('penguins-mlp'));
    const engine = engineOn(result);
    const state = new TryItState(engine, 0);
    await state.load(result.record.resultHash!);
    state.set('Body Mass (g)', ' heavy ');
    state.set('Sex', '');
    expect(state.edited).toBe(true);
    await state.predict();
    expect(engine.asked.at(-1)).toMatchObject({ 'Body Mass (g)': 'heavy', Sex: null });
    expect(predicted(state.outcome)).toMatch(/^"Body Mass \(g\)" takes a number/);
    await state.pick(0);
    expect(state.edited).toBe(false);
    expect(state.outcome?.ok).toBe(true);
  });

  it('keeps the latest answer when an older request settles last', async () => {
    const result = await run(loadExample('penguins-mlp'));
    const real = engineOn(result);
    const held: (() => void)[] = [];
    const slowRaw = (key: string, rows: readonly RawRow[]) => new Promise<TryItOutcome[]>((resolve) => held.push(() => void real.methods.predictRaw(key, rows).then(resolve)));
    const slow: TryItEngine = { call: callsTo({ ...real.methods, predictRaw: slowRaw }) };
    const state = new TryItState(slow, 0);
    const loading = state.load(result.record.resultHash!);
    await vi.waitFor(() => expect(held).toHaveLength(1)); // the first row's request is out
    state.set('Island', 'Torgersen');
    const second = state.predict();
    expect(held).toHaveLength(2);
    held[1]();
    await second;
    const latest = state.outcome;
    held[0]();
    await loading;
    expect(state.outcome).toBe(latest);
  });

  it('says to run the pipeline when the engine holds another run or none', async () => {
    const result = await run(loadExample('penguins-mlp'));
    const state = new TryItState(engineOn(result), 0);
    await state.load('a-stored-run');
    expect(state.setup).toBeNull();
    expect(state.unavailable).toBe(RUN_TO_TRY);
    const none = new TryItState(engineOn(null), 0);
    await none.load(result.record.resultHash!);
    expect(none.unavailable).toBe(RUN_TO_TRY);
  });
});
