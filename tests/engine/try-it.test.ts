import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { withUserData } from '../../src/engine/data-source';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { NOT_HELD, predictRaw, tryItSetup, type TryItOutcome, type TryItSetup } from '../../src/engine/try-it/try-it';
import type { RawRow } from '../../src/engine/try-it/raw-table';
import type { RunResult } from '../../src/engine/run-pipeline';
import { doc, loadExample, run, spec, tf } from '../helpers';

/** A test row of the setup as the raw row a person would type. */
function rawRowOf(setup: TryItSetup, index: number): Record<string, string | number | null> {
  return Object.fromEntries(setup.columns.map((c, j) => [c.name, setup.testRows[index].values[j]]));
}

function ok(outcome: TryItOutcome) {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/** The probabilities the run stored for its test row `index`. */
function runProbabilities(result: RunResult, setup: TryItSetup, index: number): number[] {
  const model = [...result.outputs].reverse().find((o) => o.state.predictions)!.state;
  const row = model.split!.test[index];
  const k = setup.classes!.length;
  return Array.from(model.predictions!.probabilities!.subarray(row * k, row * k + k));
}

describe('try it: raw rows through the fitted pipeline', () => {
  it('predicts every penguins test row, typed raw (island and sex as text), as the pipeline did', async () => {
    const result = await run(loadExample('penguins-mlp'));
    const setup = tryItSetup(result)!;
    expect(setup.columns.map((c) => c.name)).toEqual(['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex']);
    expect(setup.columns[0]).toEqual({ name: 'Island', kind: 'categorical', categories: ['Biscoe', 'Dream', 'Torgersen'] });
    expect(setup.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(setup.testRows).toHaveLength(setup.testCount);
    expect(typeof setup.testRows[0].values[0]).toBe('string');
    const rows = setup.testRows.map((_, i) => rawRowOf(setup, i));
    const outcomes = (await predictRaw(tf, result, setup.runKey, rows)).map(ok);
    outcomes.forEach((o, i) => {
      expect(o.predicted, `test row ${i}`).toBe(setup.testRows[i].predicted);
      const expected = runProbabilities(result, setup, i);
      o.probabilities!.forEach((p, j) => expect(p).toBeCloseTo(expected[j], 5));
    });
    // The model is not trivially constant: the test rows get more than one species.
    expect(new Set(outcomes.map((o) => o.predicted)).size).toBe(3);
  });

  it('gives a regression test row the number the pipeline predicted', async () => {
    const result = await run(loadExample('diabetes-linreg'));
    const setup = tryItSetup(result)!;
    expect(setup.task).toBe('regression');
    expect(setup.classes).toBeNull();
    const outcomes = (await predictRaw(tf, result, setup.runKey, setup.testRows.map((_, i) => rawRowOf(setup, i)))).map(ok);
    outcomes.forEach((o, i) => {
      expect(o.probabilities).toBeNull();
      expect(o.predicted as number).toBeCloseTo(setup.testRows[i].predicted as number, 8);
    });
  });
});

describe('try it: bad input gets a message saying what to do', () => {
  async function penguins() {
    const result = await run(loadExample('penguins-mlp'));
    const setup = tryItSetup(result)!;
    const first = rawRowOf(setup, 0);
    const tryRow = async (row: RawRow) => (await predictRaw(tf, result, setup.runKey, [row]))[0];
    return { result, setup, first, tryRow };
  }

  it('names an island the data does not have, a text in a number column, an empty cell the pipeline drops, and an unknown column', async () => {
    const { first, tryRow } = await penguins();
    expect(await tryRow({ ...first, Island: 'Atlantis' })).toEqual({
      ok: false,
      message: '"Island" has no value "Atlantis" in the data (it has Biscoe, Dream, Torgersen). Pick one of those, or leave it empty.',
    });
    const text = await tryRow({ ...first, 'Body Mass (g)': 'heavy' });
    expect(text.ok || text.message).toMatch(/^"Body Mass \(g\)" takes a number, but got the text "heavy"/);
    const empty = await tryRow({ ...first, 'Body Mass (g)': null });
    expect(empty.ok || empty.message).toMatch(/"Body Mass \(g\)" is empty, and step "clean" \(Drop rows with missing values\) removes this row.*Fill in "Body Mass \(g\)"/);
    const stray = await tryRow({ ...first, wings: 2 });
    expect(stray.ok || stray.message).toMatch(/^There is no input column "wings"/);
    // The good row still predicts after the bad ones.
    expect((await tryRow(first)).ok).toBe(true);
  });

  it('says to run the pipeline when the engine holds another run (or none)', async () => {
    const { result, first } = await penguins();
    expect(await predictRaw(tf, result, 'another-run', [first])).toEqual([{ ok: false, message: NOT_HELD }]);
    expect(await predictRaw(tf, null, 'another-run', [first])).toEqual([{ ok: false, message: NOT_HELD }]);
    expect(NOT_HELD).toMatch(/^Run the pipeline to try it/);
  });

  it('fills an empty cell with the value the fitted imputer learned (no note)', async () => {
    const steps = [
      { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } },
      { id: 'fill', kind: 'transform.impute', params: { strategy: 'median' } },
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25 } },
      { id: 'hot', kind: 'transform.one-hot', params: {} },
      { id: 'model', kind: 'model.knn-classifier', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ];
    const result = await run(spec(doc(steps)));
    const setup = tryItSetup(result)!;
    const row = rawRowOf(setup, 0);
    const median = (result.outputs[1].state.fitted.fill as Record<string, { fill: number }>)['Body Mass (g)'].fill;
    const [filled, typed] = await predictRaw(tf, result, setup.runKey, [{ ...row, 'Body Mass (g)': null }, { ...row, 'Body Mass (g)': median }]);
    expect(ok(filled).probabilities).toEqual(ok(typed).probabilities);
    expect(ok(filled).notes).toEqual([]);
  });
});

describe('try it: a value the training rows never had', () => {
  it('is one-hot encoded as all zeros, as the run did for that test row, with a note saying so', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i === 7 ? 'rare' : i % 2 ? 'red' : 'blue'},${i},${i % 2 ? 'a' : 'b'}`);
    const text = `color,x,label\n${lines.join('\n')}\n`;
    const hash = await sha256Hex(text);
    const steps = [
      { id: 'data', kind: 'data.import', params: { name: 'colors.csv', hash, target: 'label' } },
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: false } },
      { id: 'hot', kind: 'transform.one-hot', params: {} },
      { id: 'model', kind: 'model.gaussian-nb', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ];
    // The first seed whose split puts the one "rare" row among the test rows (the split is seeded, so this is fixed).
    for (let seed = 1; seed < 50; seed++) {
      const result = await run(spec(doc(steps, seed)), { dataSource: withUserData(nodeDataSource, { [hash]: text }) });
      if (!result.outputs[1].state.split!.test.includes(7)) continue;
      expect(result.outputs[2].state.fitted.hot).toEqual({ color: ['blue', 'red'] });
      const setup = tryItSetup(result)!;
      const index = setup.testRows.findIndex((r) => r.values[0] === 'rare');
      const [outcome] = await predictRaw(tf, result, setup.runKey, [rawRowOf(setup, index)]);
      expect(ok(outcome).predicted).toBe(setup.testRows[index].predicted);
      expect(ok(outcome).notes).toEqual(['"rare" in "color" never occurs in the training rows: One-hot encode gives it all zeros, as it does for such test rows.']);
      return;
    }
    throw new Error('no seed put the rare row among the test rows');
  });
});
