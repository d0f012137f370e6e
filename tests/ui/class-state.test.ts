// The classroom state (issue 20): make an assignment from a real run, hand in, collect codes on the stored board.
import { describe, expect, it } from 'vitest';
import { ClassState } from '../../src/ui/state/class.svelte';
import { decodeAssignmentLink } from '../../src/class/assignment';
import { versionHash } from '../../src/engine/fingerprint';
import { loadExample, run } from '../helpers';
import { freshDb } from '../storage/helpers';
import { groupBoard } from '../../src/class/board-groups';

describe('ClassState', () => {
  it('makes an assignment with the teacher’s run, hands in a student run, and groups it on the stored board', async () => {
    const { db } = freshDb('class-state');
    const spec = loadExample('iris-logreg');
    const { record } = await run(spec);
    const teacher = new ClassState(db);
    await teacher.init();
    const board = await teacher.makeAssignment({ spec, versionHash: await versionHash(spec), record, data: [], pipelineId: 'p1', base: 'https://p.example/' }, { hideResult: true, seed: 'locked' }, 1_000);
    expect(board.assignment.teacher?.resultHash).toBe(record.resultHash);
    const opened = await decodeAssignmentLink(board.link);
    expect(opened.payload.expected?.resultHash).toBe(record.resultHash);

    const studentDb = freshDb('class-student').db;
    const student = new ClassState(studentDb);
    await student.init();
    student.opened(opened.assignment);
    await expect(student.handInRun(record, '  \u0000 ', 'https://p.example/', 2_000)).rejects.toThrow(/name or nickname/);
    await student.handInRun(record, 'Ada', 'https://p.example/', 2_000);
    expect(student.handIn?.url).toMatch(/#result=1\./);
    const again = new ClassState(studentDb);
    await again.init();
    expect(again.studentName).toBe('Ada');

    await teacher.addText(`${student.handIn!.url}\nnot a code\n${student.handIn!.url}`, 3_000);
    expect(teacher.message).toBe('1 result added, 1 already on the board.'); // the same link pasted twice
    expect(groupBoard(teacher.board!.assignment, teacher.board!.codes).groups.map((g) => g.label)).toEqual(["1 identical to the teacher's run ✓"]);
    const reopened = new ClassState(db);
    await reopened.init();
    expect(reopened.boards).toHaveLength(1);
    expect(await reopened.openBoard(board.id)).toBe(true);
    expect(reopened.board?.codes).toHaveLength(1);
    db.close();
    studentDb.close();
  });
});
