// Result codes for the class tests: a valid base code and variations of it.
import type { BoardAssignment } from '../../src/class/board-groups';
import type { ResultCode } from '../../src/class/result-code';

const hex = (c: string, n: number) => c.repeat(n);

/** The teacher's assignment: iris, seed 42, locked, with a cpu run. */
export const ASSIGNMENT: BoardAssignment = {
  id: 'a1b2c3d4e5f6', name: 'Iris', versionHash: hex('9', 64), seed: 42, seedMode: 'locked',
  teacher: {
    resultHash: hex('a', 64), backend: 'cpu', precision: 32, metrics: { accuracy: 0.92, f1: 0.9 },
    steps: [['data', hex('1', 64)], ['split', hex('2', 64)], ['scale', hex('3', 64)], ['model', hex('4', 64)], ['evaluate', hex('5', 64)]],
  },
};

/** A student's code that reproduces the teacher's run. */
export function code(over: Partial<ResultCode> = {}): ResultCode {
  return {
    assignment: ASSIGNMENT.id, versionHash: hex('9', 16), seed: 42, backend: 'cpu', precision: 32, browser: 'Chrome', os: 'Linux',
    appVersion: '0.1.0', resultHash: hex('a', 16),
    steps: [['data', hex('1', 8)], ['split', hex('2', 8)], ['scale', hex('3', 8)], ['model', hex('4', 8)], ['evaluate', hex('5', 8)]],
    metrics: { accuracy: 0.92, f1: 0.9 }, name: 'Ada', at: 1_700_000_000_000, ...over,
  };
}

/** A code whose model step (and so the result) differs: a wasm run. */
export function wasmCode(over: Partial<ResultCode> = {}): ResultCode {
  const base = code();
  return code({
    backend: 'wasm', resultHash: hex('b', 16), metrics: { accuracy: 0.9211, f1: 0.9 },
    steps: base.steps.map(([id, h]) => [id, id === 'model' || id === 'evaluate' ? hex('c', 8) : h] as const), ...over,
  });
}
