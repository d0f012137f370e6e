import type { PipelineState } from '../../core/state';
import { targetColumn, type TableInput } from '../require-input';

/** The class codes to stratify by: the target's when asked for and the task is classification, else null. */
export function stratificationCodes(data: TableInput, stratify: unknown): Int32Array | null {
  const target = targetColumn(data);
  return stratify && data.task === 'classification' && target.type === 'categorical' ? target.codes : null;
}

/** The row indices of each class, classes in code order (the order every stratified draw follows). */
export function rowsByClass(codes: Int32Array): Int32Array[] {
  const byClass = new Map<number, number[]>();
  codes.forEach((c, i) => {
    const list = byClass.get(c) ?? [];
    list.push(i);
    byClass.set(c, list);
  });
  return [...byClass.keys()].sort((a, b) => a - b).map((c) => Int32Array.from(byClass.get(c) as number[]));
}

/** A split step's output: the new split (and folds), with everything fitted downstream of the old one cleared. */
export function withSplit(input: PipelineState, split: PipelineState['split'], folds?: PipelineState['folds']): PipelineState {
  return { ...input, split, ...(folds ? { folds } : {}), model: null, predictions: null, history: null, evaluation: null };
}
