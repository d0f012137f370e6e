import type { RunRecord } from '../engine/run-record';
import type { SharedResult } from './share-payload';

/** Whether a recipient's run reproduced the author's, and if not, the likely reasons in plain words. */
export interface AuthorCheck {
  readonly reproduced: boolean;
  readonly reasons: readonly string[];
}

/** Compares a run with the result the author put in the link. */
export function compareWithAuthor(expected: SharedResult, record: RunRecord): AuthorCheck {
  if (record.resultHash === expected.resultHash) return { reproduced: true, reasons: [] };
  const env = record.environment;
  const reasons: string[] = [];
  if (record.status !== 'done') reasons.push(`Your run ${record.status}${record.error ? `: ${record.error.message}` : ''}.`);
  if (env.backend !== expected.backend) {
    reasons.push(`The author ran on ${expected.backend} and you on ${env.backend}: backends differ in the last digits. Pick ${expected.backend} to reproduce exactly.`);
  }
  if (env.floatPrecision !== expected.floatPrecision) {
    reasons.push(`This device computes in float${env.floatPrecision}, the author's in float${expected.floatPrecision}.`);
  }
  if (env.engineVersion !== expected.engineVersion) reasons.push(`The engine changed (author: ${expected.engineVersion}, you: ${env.engineVersion}), and with it some numbers.`);
  if (env.tfjsVersion !== expected.tfjsVersion) reasons.push(`TensorFlow.js differs (author: ${expected.tfjsVersion}, you: ${env.tfjsVersion}).`);
  if (env.appVersion !== expected.appVersion) reasons.push(`pipelab differs (author: ${expected.appVersion}, you: ${env.appVersion}).`);
  if (reasons.length === 0) reasons.push('Same backend and versions, yet different bits: the data may differ, or this device rounds differently (webgl).');
  return { reproduced: false, reasons };
}
