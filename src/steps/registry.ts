import { builtinDataset } from './data/builtin';
import { noiseDataset } from './data/noise';
import { syntheticDataset } from './data/synthetic';
import { importedDataset } from './data/import';
import { evaluateClassification } from './evaluate/classification';
import { evaluateRegression } from './evaluate/regression';
import { classificationReport } from './evaluate/report';
import { decisionTree, decisionTreeRegressor } from './model/decision-tree';
import { gaussianNb } from './model/gaussian-nb';
import { gradientBoosting, gradientBoostingRegressor } from './model/gradient-boosting';
import { knnClassifier, knnRegressor } from './model/knn';
import { linearRegression } from './model/linear-regression';
import { linearSvm } from './model/linear-svm';
import { logisticRegression } from './model/logistic-regression';
import { mlpClassifier } from './model/mlp-classifier';
import { mlpRegressor } from './model/mlp-regressor';
import { randomForest, randomForestRegressor } from './model/random-forest';
import { kFoldSplit } from './split/k-fold';
import { trainTestSplit } from './split/train-test';
import { dateParts } from './transform/date-parts';
import { dropColumns } from './transform/drop-columns';
import { dropMissing } from './transform/drop-missing';
import { impute } from './transform/impute';
import { minMax } from './transform/min-max';
import { oneHot } from './transform/one-hot';
import { ordinalEncode } from './transform/ordinal-encode';
import { pca } from './transform/pca';
import { polynomial } from './transform/polynomial';
import { robustScale } from './transform/robust-scale';
import { selectColumns } from './transform/select-columns';
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
  kFoldSplit,
  dropMissing,
  oneHot,
  dateParts,
  standardize,
  selectKBest,
  impute,
  minMax,
  robustScale,
  ordinalEncode,
  polynomial,
  pca,
  selectColumns,
  dropColumns,
  logisticRegression,
  mlpClassifier,
  linearRegression,
  mlpRegressor,
  knnClassifier,
  gaussianNb,
  decisionTree,
  randomForest,
  linearSvm,
  gradientBoosting,
  knnRegressor,
  decisionTreeRegressor,
  randomForestRegressor,
  gradientBoostingRegressor,
  evaluateClassification,
  classificationReport,
  evaluateRegression,
];

const BY_KIND = new Map(ALL_STEPS.map((s) => [s.kind, s]));

/** The step definition of `kind`, or undefined when no such step exists. */
export function findStep(kind: string): StepDefinition | undefined {
  return BY_KIND.get(kind);
}
