// The runs list of a long session: summaries only, each run read from IndexedDB once.
import { describe, expect, it, vi } from 'vitest';
import { createPipeline } from '../../src/storage/pipelines-repo';
import { deleteRuns, saveRun } from '../../src/storage/runs-repo';
import { RunList, wholeRuns } from '../../src/ui/state/run-list';
import { loadExample, run } from '../helpers';
import { bareView, databasesPerTest } from '../storage/helpers';

const db = databasesPerTest();

describe('RunList', () => {
  it('lists the runs newest first without their views, reading each stored run once', async () => {
    const d = db();
    const p = await createPipeline(d, loadExample('iris-logreg'), 'tab');
    const { record } = await run(loadExample('iris-logreg'));
    const r1 = await saveRun(d, p.id, bareView(record), 1000);
    const r2 = await saveRun(d, p.id, bareView(record), 2000);
    const list = new RunList(p.id);
    const read = vi.spyOn(d.runs, 'bulkGet');

    const first = await list.load(d);
    expect(first.map((r) => r.id)).toEqual([r2.id, r1.id]);
    expect(first.every((r) => !('view' in r))).toBe(true);
    expect(first[0].summary).toMatchObject({ status: 'done', resultHash: record.resultHash });
    expect(read.mock.calls.map(([ids]) => ids)).toEqual([[r2.id, r1.id]]);

    const r3 = await saveRun(d, p.id, bareView(record), 3000);
    expect((await list.load(d)).map((r) => r.id)).toEqual([r3.id, r2.id, r1.id]);
    expect(read.mock.calls.map(([ids]) => ids)[1]).toEqual([r3.id]); // only the new run is read

    await deleteRuns(d, [r2.id]);
    expect((await list.load(d)).map((r) => r.id)).toEqual([r3.id, r1.id]);
    expect(read).toHaveBeenCalledTimes(2); // a deletion reads nothing
  });

  it('reads listed runs whole again (to show, compare or reproduce them), leaving out deleted ones', async () => {
    const d = db();
    const p = await createPipeline(d, loadExample('iris-logreg'), 'tab');
    const { record } = await run(loadExample('iris-logreg'));
    const r1 = await saveRun(d, p.id, bareView(record), 1000);
    const r2 = await saveRun(d, p.id, bareView(record), 2000);
    const listed = await new RunList(p.id).load(d);
    await deleteRuns(d, [r1.id]);
    const whole = await wholeRuns(d, listed);
    expect(whole.map((r) => r.id)).toEqual([r2.id]);
    expect(whole[0].view.record.resultHash).toBe(record.resultHash);
  });
});
