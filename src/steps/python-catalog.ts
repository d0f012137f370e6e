import type { StepPythonDeclaration } from '../core/step-description';
import { builtinDatasetPython } from './data/builtin.python';
import { importedDatasetPython } from './data/import.python';
import { noiseDatasetPython } from './data/noise.python';
import { syntheticDatasetPython } from './data/synthetic.python';
import { evaluateClassificationPython } from './evaluate/classification.python';
import { evaluateRegressionPython } from './evaluate/regression.python';
import { classificationReportPython } from './evaluate/report.python';
import { kFoldSplitPython } from './split/k-fold.python';
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

// The steps' Python exports, each declared in a sibling module of its step (<step>.python.ts).
// Only the Python export and the engine's python inputs import this list (a lazy chunk on the
// main thread), so the start page never carries the Python text. Model steps declare theirs
// in their description (ModelDescription).

/** Every data, split, transform and evaluate step's Python export, in palette order (a test checks every kind is exported or refused). */
export const STEP_PYTHON: readonly StepPythonDeclaration[] = [
  builtinDatasetPython,
  importedDatasetPython,
  syntheticDatasetPython,
  noiseDatasetPython,
  kFoldSplitPython,
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
  evaluateClassificationPython,
  classificationReportPython,
  evaluateRegressionPython,
];

const BY_KIND = new Map(STEP_PYTHON.map((t) => [t.kind, t]));

/** The Python export a step kind declares, or undefined (model steps: see their description). */
export function pythonOf(kind: string): StepPythonDeclaration | undefined {
  return BY_KIND.get(kind);
}
