import type { TransformPythonDeclaration } from '../core/step-description';
import { datePartsPython } from './transform/date-parts.python';
import { dropColumnsPython } from './transform/drop-columns.python';
import { dropMissingPython } from './transform/drop-missing.python';
import { imputePython } from './transform/impute.python';
import { minMaxPython } from './transform/min-max.python';
import { oneHotPython } from './transform/one-hot.python';
import { ordinalEncodePython } from './transform/ordinal-encode.python';
import { pcaPython } from './transform/pca.python';
import { polynomialPython } from './transform/polynomial.python';
import { robustScalePython } from './transform/robust-scale.python';
import { selectColumnsPython } from './transform/select-columns.python';
import { selectKBestPython } from './transform/select-k-best.python';
import { standardizePython } from './transform/standardize.python';

// The transforms' Python exports, each declared in its step's file beside the description.
// Only the Python export imports this list (a lazy chunk on the main thread), so the start
// page never carries the Python text; the step code in those files is tree-shaken away.

/** Every transform's Python export, in palette order (a test checks every transform has one or refuses). */
export const TRANSFORM_PYTHON: readonly TransformPythonDeclaration[] = [
  dropMissingPython,
  oneHotPython,
  datePartsPython,
  standardizePython,
  selectKBestPython,
  imputePython,
  minMaxPython,
  robustScalePython,
  ordinalEncodePython,
  polynomialPython,
  pcaPython,
  selectColumnsPython,
  dropColumnsPython,
];

const BY_KIND = new Map(TRANSFORM_PYTHON.map((t) => [t.kind, t]));

/** The Python export a transform kind declares, or undefined. */
export function transformPythonOf(kind: string): TransformPythonDeclaration | undefined {
  return BY_KIND.get(kind);
}
