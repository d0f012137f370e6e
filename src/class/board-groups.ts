import type { SeedMode } from './assignment';
import type { ResultCode } from './result-code';

/** The teacher's own run, the reference every group is compared with. */
export interface TeacherResult {
  readonly resultHash: string;
  readonly steps: readonly (readonly [string, string])[];
  readonly metrics: Readonly<Record<string, number>>;
  readonly backend: string;
  readonly precision: number;
}

/** What the board knows of its assignment. */
export interface BoardAssignment {
  readonly id: string;
  readonly name: string;
  readonly versionHash: string;
  readonly seed: number;
  readonly seedMode: SeedMode;
  readonly teacher: TeacherResult | null;
}

/** Why a group is not the teacher's. */
export type GroupKind = 'teacher' | 'reference' | 'differs' | 'other-seed' | 'changed';

/** Students who got the same result hash. */
export interface BoardGroup {
  readonly resultHash: string;
  readonly kind: GroupKind;
  readonly codes: readonly ResultCode[];
  /** The sentence the board shows, e.g. "2 differ: wasm, float32 (Chrome, Linux) — first differing step: model". */
  readonly label: string;
  /** Each distinct environment of the group in words. */
  readonly environment: string;
  /** The first step whose output differs from the reference's, or null. */
  readonly firstDifferingStep: string | null;
}

/** The whole board: groups largest first, and what was counted once. */
export interface BoardSummary {
  readonly groups: readonly BoardGroup[];
  /** One code per student (the latest), newest first. */
  readonly students: readonly ResultCode[];
  /** Earlier hand-ins of students who handed in again (not counted). */
  readonly duplicates: number;
  /** The headline metric of the dot plot, or null when no code has one. */
  readonly metric: string | null;
}

/** A student's identity on the board: the cleaned name, case- and space-insensitive. */
export function studentKey(code: ResultCode): string {
  return code.name.toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** One code per student, the latest kept, newest first; also how many earlier ones were dropped. */
export function latestPerStudent(codes: readonly ResultCode[]): { students: ResultCode[]; duplicates: number } {
  const byKey = new Map<string, ResultCode>();
  for (const c of codes) {
    const k = studentKey(c);
    const seen = byKey.get(k);
    if (!seen || c.at > seen.at || (c.at === seen.at && c.resultHash > seen.resultHash)) byKey.set(k, c);
  }
  const students = [...byKey.values()].sort((a, b) => b.at - a.at || a.name.localeCompare(b.name));
  return { students, duplicates: codes.length - students.length };
}

/** An environment in words: "wasm, float32 (Chrome, Linux)". */
export function environmentWords(c: ResultCode): string {
  return `${c.backend}, float${c.precision} (${c.browser}, ${c.os})`;
}

/** The first step (in the code's order) whose output hash differs from the reference's, or null. */
export function firstDifferingStep(steps: ResultCode['steps'], reference: TeacherResult['steps']): string | null {
  const ref = new Map(reference.map(([id, h]) => [id, h.slice(0, 8)]));
  for (const [id, hash] of steps) if (ref.get(id) !== hash) return id;
  return null;
}

/** Groups the board's codes (already for this assignment) by result hash, largest first, each explained. */
export function groupBoard(assignment: BoardAssignment, codes: readonly ResultCode[]): BoardSummary {
  const { students, duplicates } = latestPerStudent(codes);
  const byHash = new Map<string, ResultCode[]>();
  for (const c of students) byHash.set(c.resultHash, [...(byHash.get(c.resultHash) ?? []), c]);
  const teacherHash = assignment.teacher?.resultHash.slice(0, 16) ?? null;
  const sorted = [...byHash.entries()].sort(
    ([ha, a], [hb, b]) => b.length - a.length || Number(hb === teacherHash) - Number(ha === teacherHash) || (ha < hb ? -1 : 1),
  );
  const reference = assignment.teacher?.steps ?? sorted[0]?.[1][0]?.steps ?? [];
  const groups = sorted.map(([hash, members], i) => describeGroup(assignment, hash, members, hash === teacherHash || (!teacherHash && i === 0), reference));
  return { groups, students, duplicates, metric: headlineMetric(assignment, students) };
}

function describeGroup(a: BoardAssignment, hash: string, codes: ResultCode[], isReference: boolean, reference: TeacherResult['steps']): BoardGroup {
  const n = codes.length;
  const environment = [...new Set(codes.map(environmentWords))].join('; ');
  const first = codes[0];
  const versionPrefix = a.versionHash.slice(0, 16);
  if (isReference) {
    const kind = a.teacher ? 'teacher' : 'reference';
    const label = a.teacher ? `${n} identical to the teacher's run ✓` : `${n} identical (the largest group; the teacher has not run it)`;
    return { resultHash: hash, kind, codes, label, environment, firstDifferingStep: null };
  }
  const step = firstDifferingStep(first.steps, reference);
  const where = step ? ` — first differing step: ${step}` : '';
  // The seed first: changing the seed also changes the pipeline's version hash.
  if (codes.every((c) => c.seed !== a.seed)) {
    const seeds = [...new Set(codes.map((c) => c.seed))].sort((x, y) => x - y);
    const label = a.seedMode === 'locked' ? `${n} used another seed (${seeds.join(', ')})` : `${n} with seed ${seeds.join(', ')}`;
    return { resultHash: hash, kind: 'other-seed', codes, label, environment, firstDifferingStep: step };
  }
  if (codes.every((c) => c.versionHash !== versionPrefix)) {
    return { resultHash: hash, kind: 'changed', codes, label: `${n} ran a changed pipeline${where}`, environment, firstDifferingStep: step };
  }
  const label = `${n} ${n === 1 ? 'differs' : 'differ'}: ${environment}${where}`;
  return { resultHash: hash, kind: 'differs', codes, label, environment, firstDifferingStep: step };
}

/** The metric the dot plot shows: the teacher's first metric, else the first one a student has. */
export function headlineMetric(a: BoardAssignment, codes: readonly ResultCode[]): string | null {
  const teacherFirst = a.teacher ? Object.keys(a.teacher.metrics)[0] : undefined;
  if (teacherFirst) return teacherFirst;
  for (const c of codes) {
    const k = Object.keys(c.metrics)[0];
    if (k) return k;
  }
  return null;
}
