import type { StepCatalog, StepDescription } from '../core/step-description';
import { builtinDataset } from './data/builtin';
import { noiseDataset } from './data/noise';
import { syntheticDataset } from './data/synthetic';
import { importedDataset } from './data/import';
import { evaluateClassification } from './evaluate/classification';
import { evaluateRegression } from './evaluate/regression';
import { linearRegression } from './model/linear-regression';
import { logisticRegression } from './model/logistic-regression';
import { mlpClassifier } from './model/mlp-classifier';
import { mlpRegressor } from './model/mlp-regressor';
import { trainTestSplit } from './split/train-test';
import { dropMissing } from './transform/drop-missing';
import { oneHot } from './transform/one-hot';
import { selectKBest } from './transform/select-k-best';
import { standardize } from './transform/standardize';
import type { StepDefinition } from './step';

/** Every step kind pipelab knows, in palette order. */
export const ALL_STEPS: readonly StepDefinition[] = [
  builtinDataset,
  importedDataset,
  syntheticDataset,
  noiseDataset,
  trainTestSplit,
  dropMissing,
  oneHot,
  standardize,
  selectKBest,
  logisticRegression,
  mlpClassifier,
  linearRegression,
  mlpRegressor,
  evaluateClassification,
  evaluateRegression,
];

const BY_KIND = new Map(ALL_STEPS.map((s) => [s.kind, s]));

/** The step definition of `kind`, or undefined when no such step exists. */
export function findStep(kind: string): StepDefinition | undefined {
  return BY_KIND.get(kind);
}

/** The catalog restore and the UI use: plain descriptions (the `run` functions are never serialised). */
export const stepCatalog: StepCatalog = {
  describe: (kind: string): StepDescription | undefined => BY_KIND.get(kind),
  kinds: () => ALL_STEPS.map((s) => s.kind),
};
