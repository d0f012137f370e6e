import type { StoredBoard } from '../class/board-record';
import type { ResultCode } from '../class/result-code';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';

/** Stores a new class board (or replaces the one of that assignment). */
export async function putBoard(db: PipelabDb, board: StoredBoard): Promise<void> {
  await guardedWrite(() => db.classBoards.put(board));
}

/** One board by assignment id. */
export function getBoard(db: PipelabDb, id: string): Promise<StoredBoard | undefined> {
  return db.classBoards.get(id);
}

/** Every board, most recently changed first. */
export async function listBoards(db: PipelabDb): Promise<StoredBoard[]> {
  return (await db.classBoards.orderBy('updatedAt').reverse().toArray());
}

/** The boards made from one pipeline (for its bundle). */
export function boardsOf(db: PipelabDb, pipelineId: string): Promise<StoredBoard[]> {
  return db.classBoards.where('pipelineId').equals(pipelineId).toArray();
}

/** Adds validated codes to a board (exact repeats skipped); returns the updated board and how many were new. */
export async function addCodes(db: PipelabDb, id: string, incoming: readonly ResultCode[], now: number): Promise<{ board: StoredBoard; added: number }> {
  return guardedWrite(() =>
    db.transaction('rw', db.classBoards, async () => {
      const board = await db.classBoards.get(id);
      if (!board) throw new Error('This class board no longer exists.');
      const { codes, added } = mergeCodes(board.codes, incoming);
      const next = { ...board, codes, updatedAt: added ? now : board.updatedAt };
      if (added) await db.classBoards.put(next);
      return { board: next, added };
    }),
  );
}

/** Merges boards from a bundle: a new board is added, a known one gains the codes it lacked. */
export async function mergeBoards(db: PipelabDb, boards: readonly StoredBoard[]): Promise<number> {
  let added = 0;
  for (const b of boards) {
    const existing = await db.classBoards.get(b.id);
    if (!existing) {
      await db.classBoards.add(b);
      added++;
    } else {
      const { codes, added: n } = mergeCodes(existing.codes, b.codes);
      if (n) await db.classBoards.put({ ...existing, codes, updatedAt: Math.max(existing.updatedAt, b.updatedAt) });
    }
  }
  return added;
}

/** Deletes a board. */
export function deleteBoard(db: PipelabDb, id: string): Promise<void> {
  return db.classBoards.delete(id);
}

/** Adds codes to a board's list, skipping exact repeats (same student, time and result); returns the new list and how many were new. */
function mergeCodes(existing: readonly ResultCode[], incoming: readonly ResultCode[]): { codes: ResultCode[]; added: number } {
  const key = (c: ResultCode) => `${c.name}\u0000${c.at}\u0000${c.resultHash}`;
  const seen = new Set(existing.map(key));
  const codes = [...existing];
  for (const c of incoming) {
    if (seen.has(key(c))) continue;
    seen.add(key(c));
    codes.push(c);
  }
  return { codes, added: codes.length - existing.length };
}
