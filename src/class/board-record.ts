import { ShareError } from '../share/share-error';
import { readAssignment, type AssignmentOptions } from './assignment';
import type { BoardAssignment, TeacherResult } from './board-groups';
import { readResultDocument, resultDocument, type ResultCode } from './result-code';
import { pickMetrics } from './result-fields';

/** A class board as stored (IndexedDB row, bundle entry): its assignment, link and the codes handed in. */
export interface StoredBoard {
  /** The assignment id. */
  readonly id: string;
  /** The teacher's pipeline it was made from, if stored. */
  readonly pipelineId: string | null;
  readonly assignment: BoardAssignment;
  readonly options: AssignmentOptions;
  /** The assignment link, to show its QR code again. */
  readonly link: string;
  readonly codes: readonly ResultCode[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

const HEX = /^[0-9a-f]{16,64}$/;

/** Validates a board from a bundle file: every code again through the result-code validator; a damaged board is a ShareError. */
export function readStoredBoard(value: unknown, i: number): StoredBoard {
  const fail = (what: string) => new ShareError(`The bundle's class board ${i + 1} is damaged (${what}).`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail('not an object');
  const b = value as Record<string, unknown>;
  const options = optionsOf(b.options);
  if (!options || options.id !== b.id) throw fail('its options');
  const a = b.assignment as Record<string, unknown> | null;
  if (!a || a.id !== b.id || typeof a.name !== 'string' || !HEX.test(String(a.versionHash)) || !Number.isInteger(a.seed)) throw fail('its assignment');
  if (!Array.isArray(b.codes) || b.codes.length > 10_000) throw fail('its codes');
  if (typeof b.link !== 'string' || b.link.length > 200_000) throw fail('its link');
  const codes = b.codes.map((c) => readResultDocument(resultDocument(c as ResultCode)));
  const assignment: BoardAssignment = {
    id: options.id, name: a.name.slice(0, 200), versionHash: String(a.versionHash), seed: Number(a.seed), seedMode: options.seed,
    teacher: a.teacher ? readTeacher(a.teacher, fail) : null,
  };
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { id: options.id, pipelineId: typeof b.pipelineId === 'string' ? b.pipelineId : null, assignment, options, link: b.link, codes, createdAt: time(b.createdAt), updatedAt: time(b.updatedAt) };
}

function optionsOf(value: unknown): AssignmentOptions | null {
  try {
    return readAssignment({ assignment: value });
  } catch {
    return null;
  }
}

function readTeacher(value: unknown, fail: (what: string) => ShareError): TeacherResult {
  const t = value as Record<string, unknown>;
  const steps = Array.isArray(t.steps) ? t.steps : null;
  if (!HEX.test(String(t.resultHash)) || !steps || typeof t.backend !== 'string' || (t.precision !== 16 && t.precision !== 32)) throw fail("the teacher's result");
  if (steps.some((s) => !Array.isArray(s) || typeof s[0] !== 'string' || !HEX.test(String(s[1])))) throw fail("the teacher's steps");
  return { resultHash: String(t.resultHash), steps: steps as [string, string][], metrics: pickMetrics(t.metrics), backend: t.backend.slice(0, 16), precision: t.precision };
}
