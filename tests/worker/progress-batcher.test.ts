import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/engine/progress';
import { batchProgress } from '../../src/worker/progress-batcher';

const epoch = (n: number): ProgressEvent => ({ type: 'epoch', stepId: 'model', epoch: n, epochs: 100, trainLoss: 1 / n, testLoss: 2 / n });

describe('batchProgress', () => {
  it("sends a step's start at once, its end with the next start, epochs at most every 50 ms after the last batch, and nothing is lost or reordered", () => {
    let clock = 0;
    const sent: ProgressEvent[][] = [];
    const batch = batchProgress((events) => sent.push([...events]), 50, () => clock);
    batch.push({ type: 'step-start', stepId: 'model', index: 3 });
    expect(sent.map((b) => b.length)).toEqual([1]);
    clock = 10;
    for (let n = 1; n <= 5; n++) batch.push(epoch(n)); // within 50 ms of the start's batch: they wait
    expect(sent.map((b) => b.length)).toEqual([1]);
    clock = 60;
    batch.push(epoch(6));
    expect(sent[1].map((e) => (e.type === 'epoch' ? e.epoch : e.type))).toEqual([1, 2, 3, 4, 5, 6]);
    batch.push(epoch(7));
    batch.push({ type: 'step-end', stepId: 'model', index: 3, status: 'done', ms: 5, outputHash: null });
    expect(sent.length).toBe(2); // the end waits for the next step
    batch.push({ type: 'step-start', stepId: 'evaluate', index: 4 });
    expect(sent[2].map((e) => (e.type === 'epoch' ? e.epoch : e.type))).toEqual([7, 'step-end', 'step-start']);
    batch.push({ type: 'step-end', stepId: 'evaluate', index: 4, status: 'done', ms: 1, outputHash: null });
    batch.flush(); // the run's last batch
    batch.flush();
    expect(sent.length).toBe(4);
    expect(sent.flat().map((e) => (e.type === 'epoch' ? e.epoch : e.type))).toEqual(['step-start', 1, 2, 3, 4, 5, 6, 7, 'step-end', 'step-start', 'step-end']);
  });

  it('sends the first epoch of a slow training at once, and a live boundary at once', () => {
    let clock = 0;
    const sent: ProgressEvent[][] = [];
    const batch = batchProgress((events) => sent.push([...events]), 50, () => clock);
    batch.push({ type: 'step-start', stepId: 'model', index: 3 });
    clock = 2000; // an epoch of two seconds
    batch.push(epoch(1));
    expect(sent.map((b) => b.length)).toEqual([1, 1]);
    clock = 2010;
    batch.push(epoch(2));
    batch.push({ type: 'snapshot', stepId: 'model', epoch: 2, boundary: null as never });
    expect(sent.map((b) => b.length)).toEqual([1, 1, 2]);
  });

  it('batches progress of work without epochs (trees) like epochs', () => {
    let clock = 0;
    const sent: ProgressEvent[][] = [];
    const batch = batchProgress((events) => sent.push([...events]), 50, () => clock);
    const tree = (done: number): ProgressEvent => ({ type: 'progress', stepId: 'model', done, total: 50, unit: 'trees' });
    batch.push(tree(1));
    batch.push(tree(2));
    batch.push(tree(3));
    expect(sent.map((b) => b.length)).toEqual([1]);
    clock = 51;
    batch.push(tree(4));
    expect(sent.map((b) => b.length)).toEqual([1, 3]);
  });
});
