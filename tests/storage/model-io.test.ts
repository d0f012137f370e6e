import { afterEach, describe, expect, it } from 'vitest';
import { exportModel, predictWithArtifacts } from '../../src/engine/model-export';
import { designMatrix } from '../../src/steps/model/inputs/design-matrix';
import { dexieModelHandler } from '../../src/storage/model-io';
import type { NumericColumn } from '../../src/core/table';
import { loadExample, run, tf } from '../helpers';
import { freshDb } from './helpers';

const dbs: { close(): void }[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

async function finalState(example: string) {
  const { record, outputs } = await run(loadExample(example));
  expect(record.status).toBe('done');
  return outputs.find((o) => o.stepId === 'model')!.state;
}

describe('a run model saved through the Dexie tf.io handler', () => {
  it.each(['iris-logreg', 'spiral-mlp', 'penguins-mlp'])('%s: loads back and predicts the test rows exactly as the run did', async (example) => {
    const state = await finalState(example);
    const { db } = freshDb();
    dbs.push(db);
    const before = tf.memory().numTensors;
    const artifacts = await exportModel(tf, state.model!);
    expect(artifacts?.modelTopology).toBeTruthy();
    await dexieModelHandler(db, 'run-1').save(artifacts!);
    const loaded = await dexieModelHandler(db, 'run-1').load();
    const features = state.model!.info.features.map((f) => state.table!.columns.find((c) => c.name === f) as NumericColumn);
    const x = designMatrix(features, state.split!.test, state.table!.rowCount);
    const probs = await predictWithArtifacts(tf, loaded, x, features.length);
    const k = state.predictions!.classes!.length;
    const expected = Float32Array.from({ length: state.split!.test.length * k }, (_, i) => state.predictions!.probabilities![state.split!.test[Math.floor(i / k)] * k + (i % k)]);
    expect(Array.from(probs)).toEqual(Array.from(expected));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('regression models load back within float32 precision (weights are stored as float32)', async () => {
    const state = await finalState('diabetes-linreg');
    const artifacts = await exportModel(tf, state.model!);
    const features = state.model!.info.features.map((f) => state.table!.columns.find((c) => c.name === f) as NumericColumn);
    const x = designMatrix(features, state.split!.test, state.table!.rowCount);
    const predicted = await predictWithArtifacts(tf, artifacts!, x, features.length);
    state.split!.test.forEach((r, i) => expect(predicted[i]).toBeCloseTo(state.predictions!.values![r], 2));
  });

  it('says clearly when a run has no stored model', async () => {
    const { db } = freshDb();
    dbs.push(db);
    await expect(dexieModelHandler(db, 'nope').load()).rejects.toThrow('No stored model for run nope');
  });
});
