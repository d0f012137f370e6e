// Class boards in IndexedDB: stored, merged without repeats, kept across a reopen and a v4→v5 upgrade, carried in bundles.
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { PipelabDb, SCHEMA_V4 } from '../../src/storage/db';
import { addCodes, getBoard, listBoards, putBoard } from '../../src/storage/boards-repo';
import { readStoredBoard, type StoredBoard } from '../../src/class/board-record';
import { bundleText, collectBundle, importBundle, parseBundle } from '../../src/share/bundle';
import { freshDb } from '../storage/helpers';
import { ASSIGNMENT, code, wasmCode } from './fixtures';

function board(over: Partial<StoredBoard> = {}): StoredBoard {
  return {
    id: ASSIGNMENT.id, pipelineId: 'p1', assignment: ASSIGNMENT, options: { id: ASSIGNMENT.id, hideResult: true, seed: 'locked' },
    link: 'https://p.example/#share=1.x', codes: [], createdAt: 1, updatedAt: 1, ...over,
  };
}

describe('class boards in storage', () => {
  it('adds codes, skips exact repeats, and survives reopening the database', async () => {
    const { db, factory } = freshDb('boards-1');
    await putBoard(db, board());
    expect((await addCodes(db, ASSIGNMENT.id, [code(), wasmCode({ name: 'Cy' })], 10)).added).toBe(2);
    expect((await addCodes(db, ASSIGNMENT.id, [code()], 11)).added).toBe(0);
    db.close();
    const again = new PipelabDb('boards-1', { indexedDB: factory, IDBKeyRange });
    expect((await getBoard(again, ASSIGNMENT.id))?.codes.map((c) => c.name)).toEqual(['Ada', 'Cy']);
    expect((await listBoards(again)).map((b) => b.updatedAt)).toEqual([10]);
    again.close();
  });

  it('a version-4 database opens under version 5 with everything kept and an empty boards table', async () => {
    const { factory } = freshDb();
    const old = new Dexie('boards-upgrade', { indexedDB: factory, IDBKeyRange });
    old.version(4).stores(SCHEMA_V4);
    await old.table('settings').put({ key: 'studentName', value: 'Ada' });
    await old.table('heads').put({ pipelineId: 'p1', hash: 'a'.repeat(64) });
    old.close();
    const db = new PipelabDb('boards-upgrade', { indexedDB: factory, IDBKeyRange });
    expect(await db.settings.get('studentName')).toEqual({ key: 'studentName', value: 'Ada' });
    expect(await db.heads.toArray()).toHaveLength(1);
    expect(await db.classBoards.count()).toBe(0);
    expect(db.verno).toBe(5);
    db.close();
  });

  it('bundles carry the pipeline’s boards; importing merges them; a forged code in a bundle is refused', async () => {
    const { db } = freshDb('boards-bundle');
    await db.pipelines.add({ id: 'p1', name: 'Iris', spec: { format: 'pipelab/pipeline', version: 1, name: 'Iris', seed: 42, steps: [] }, rev: 1, writer: 'x', selectedStepId: null, lastRunId: null, createdAt: 1, updatedAt: 1, deletedAt: null } as never);
    await putBoard(db, board({ codes: [code()] }));
    const text = bundleText(await collectBundle(db, 'p1'));
    const { db: target } = freshDb('boards-target');
    await importBundle(target, parseBundle(text));
    expect((await getBoard(target, ASSIGNMENT.id))?.codes).toEqual([code()]);
    const forged = JSON.parse(text);
    forged.boards[0].codes[0].name = '';
    expect(() => parseBundle(JSON.stringify(forged))).toThrow(/name/);
    expect(() => readStoredBoard({ ...board(), options: { id: 'zz' } }, 0)).toThrow(/class board 1 is damaged/);
    db.close();
    target.close();
  });
});
