// The class board's grouping: largest first, the teacher's group marked, differences explained.
import { describe, expect, it } from 'vitest';
import { groupBoard, latestPerStudent } from '../../src/class/board-groups';
import { readCodes } from '../../src/class/board-intake';
import { boardCsv } from '../../src/class/board-csv';
import { resultUrl } from '../../src/class/result-code';
import { ASSIGNMENT, code, wasmCode } from './fixtures';

describe('class board grouping', () => {
  it('two identical cpu runs and one wasm run: the teacher group first, the wasm one explained', () => {
    const board = groupBoard(ASSIGNMENT, [code({ name: 'Ada' }), code({ name: 'Bo', at: 2 }), wasmCode({ name: 'Cy' })]);
    expect(board.groups.map((g) => g.label)).toEqual([
      "2 identical to the teacher's run ✓",
      '1 differs: wasm, float32 (Chrome, Linux) — first differing step: model',
    ]);
    expect(board.groups[0].kind).toBe('teacher');
    expect(board.groups[1].firstDifferingStep).toBe('model');
    expect(board.metric).toBe('accuracy');
  });

  it('largest group first even when it is not the teacher’s; plural "differ"; several environments listed', () => {
    const board = groupBoard(ASSIGNMENT, [
      wasmCode({ name: 'A' }), wasmCode({ name: 'B', browser: 'Firefox' }), wasmCode({ name: 'C' }), code({ name: 'D' }),
    ]);
    expect(board.groups[0].label).toBe('3 differ: wasm, float32 (Chrome, Linux); wasm, float32 (Firefox, Linux) — first differing step: model');
    expect(board.groups[1].kind).toBe('teacher');
  });

  it('another seed, and a changed pipeline, are named as such', () => {
    const board = groupBoard(ASSIGNMENT, [
      code({ name: 'A' }), code({ name: 'B', seed: 7, resultHash: 'd'.repeat(16) }), code({ name: 'C', versionHash: 'e'.repeat(16), resultHash: 'f'.repeat(16) }),
    ]);
    const labels = board.groups.map((g) => g.label);
    expect(labels).toContain('1 used another seed (7)');
    expect(labels).toContain('1 ran a changed pipeline');
  });

  it('in a free-seed assignment, other seeds are a seed study rather than a mistake', () => {
    // Changing the seed changes the version hash too: still a seed, not "a changed pipeline".
    const board = groupBoard({ ...ASSIGNMENT, seedMode: 'free' }, [code({ name: 'B', seed: 7, versionHash: 'e'.repeat(16), resultHash: 'd'.repeat(16) })]);
    expect(board.groups[0].label).toBe('1 with seed 7');
  });

  it('without a teacher run, the largest group is the reference', () => {
    const board = groupBoard({ ...ASSIGNMENT, teacher: null }, [wasmCode({ name: 'A' }), wasmCode({ name: 'B' }), code({ name: 'C' })]);
    expect(board.groups[0].label).toMatch(/^2 identical \(the largest group/);
    expect(board.groups[1].label).toMatch(/^1 differs: cpu.*first differing step: model$/);
  });

  it('a student who hands in twice counts once, the latest kept', () => {
    const { students, duplicates } = latestPerStudent([code({ name: 'Ada', at: 1 }), wasmCode({ name: ' ada ', at: 5 }), code({ name: 'Bo', at: 3 })]);
    expect(duplicates).toBe(1);
    expect(students.map((s) => [s.name, s.backend])).toEqual([[' ada ', 'wasm'], ['Bo', 'cpu']]);
    expect(groupBoard(ASSIGNMENT, [code({ name: 'Ada', at: 1 }), code({ name: 'ADA', at: 2 })]).groups[0].codes).toHaveLength(1);
  });

  it('pasted text: codes for another assignment and damaged codes are refused with a clear message', async () => {
    const base = 'https://p.example/';
    const text = [
      `Ada: ${await resultUrl(code(), base)}`, '', 'hello class', await resultUrl(code({ assignment: '000000000000', name: 'Eve' }), base),
      `${base}#result=1.garbage!`, await resultUrl(wasmCode({ name: 'Cy' }), base),
    ].join('\n');
    const { codes, refused } = await readCodes(text, ASSIGNMENT.id);
    expect(codes.map((c) => c.name)).toEqual(['Ada', 'Cy']);
    expect(refused).toHaveLength(2);
    expect(refused[0].reason).toMatch(/another assignment/);
    expect(refused[1].reason).toMatch(/damaged/);
  });

  it('exports CSV with one row per student, formulas neutralised', () => {
    const csv = boardCsv(groupBoard(ASSIGNMENT, [code({ name: '=HYPERLINK("x")' }), wasmCode({ name: 'Cy, Jr' })]));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('name,handed_in,group,backend,precision,browser,os,seed,app_version,result_hash,accuracy,f1');
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"Cy, Jr"');
  });
});
