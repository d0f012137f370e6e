import { describe, expect, it } from 'vitest';
import { MemoryStepCache } from '../../src/engine/step-cache';
import { dataPlot, readThrough, thinRows } from '../../src/engine/data-plot';
import { dataPlotSpec } from '../../src/engine/data-plot-spec';
import { NODE_RUNTIME } from '../../src/cli/node-tf';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { loadExample, run, spec, doc, tf } from '../helpers';

const opts = { tf, backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME };

describe('dataPlot', () => {
  it('cuts a spec after its split, before any transform or model', () => {
    expect(dataPlotSpec(loadExample('spiral-mlp'))?.steps.map((s) => s.id)).toEqual(['data', 'split']);
    expect(dataPlotSpec(loadExample('penguins-mlp'))?.steps.map((s) => s.id)).toEqual(['data', 'clean', 'split']);
    const noSplit = spec(doc([{ id: 'd', kind: 'data.builtin', params: { name: 'iris' } }, { id: 's', kind: 'transform.standardize', params: {} }]));
    expect(dataPlotSpec(noSplit)?.steps.map((s) => s.id)).toEqual(['d']);
    expect(dataPlotSpec(spec(doc([])))).toBeNull();
  });

  it('gives the spiral every row, both features, the class target and which rows are test rows, leaking no tensor', async () => {
    const before = tf.memory().numTensors;
    const plot = await dataPlot(loadExample('spiral-mlp'), opts);
    expect(tf.memory().numTensors).toBe(before);
    expect(plot?.rowCount).toBe(400);
    expect(plot?.rows).toHaveLength(400);
    expect(plot?.columns.map((c) => c.name)).toEqual(['x', 'y', 'label']);
    expect(plot?.target).toBe('label');
    expect(plot?.task).toBe('classification');
    const full = await run(loadExample('spiral-mlp'));
    const test = full.outputs[1].state.split!.test;
    expect(plot?.isTest?.reduce((a, b) => a + b, 0)).toBe(test.length);
    for (const r of test) expect(plot?.isTest?.[r]).toBe(1);
  });

  it('plots the rows the split divides (after dropping missing values) with their categorical columns', async () => {
    const plot = await dataPlot(loadExample('penguins-mlp'), opts);
    const full = await run(loadExample('penguins-mlp'));
    expect(plot?.stepId).toBe('clean');
    expect(plot?.rowCount).toBe(full.outputs[1].state.table!.rowCount);
    const island = plot?.columns.find((c) => c.name === 'Island');
    expect(island?.type).toBe('categorical');
    expect(plot?.isTest).not.toBeNull();
  });

  it('reads the runs\' cache but adds nothing to it, so a first run still computes every step', async () => {
    const runs = new MemoryStepCache(8);
    const own = new MemoryStepCache(8);
    await dataPlot(loadExample('spiral-mlp'), { ...opts, cache: readThrough(own, runs) });
    const first = await run(loadExample('spiral-mlp'), { cache: runs });
    expect(first.record.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    let hits = 0;
    const counted = { get: (k: string) => { const v = runs.get(k); if (v) hits++; return v; }, set: () => {} };
    await dataPlot(loadExample('spiral-mlp'), { ...opts, cache: readThrough(new MemoryStepCache(8), counted) });
    expect(hits).toBe(2); // after the run, both data steps come from the runs' cache
  });

  it('thins large tables evenly', () => {
    expect(Array.from(thinRows(10, 4))).toEqual([0, 2, 5, 7]);
    expect(Array.from(thinRows(3, 4))).toEqual([0, 1, 2]);
  });
});
