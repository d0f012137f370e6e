import type { Task } from '../../core/state';
import type { DataRef } from '../step';

/** A data set that ships inside pipelab. */
export interface BuiltinDataset {
  readonly label: string;
  readonly ref: DataRef;
  readonly target: string;
  readonly task: Task;
  /** One line on what the data is. */
  readonly about: string;
}

/** Every built-in data set by name: the keys are the values of the dataset step's `name` param. */
export const BUILTIN_DATASETS: Readonly<Record<string, BuiltinDataset>> = {
  iris: {
    label: 'Iris flowers',
    ref: { file: 'iris.csv', format: 'csv', origin: 'pipelab' },
    target: 'species',
    task: 'classification',
    about: '150 iris flowers, 4 measurements, 3 species.',
  },
  wine: {
    label: 'Wine cultivars',
    ref: { file: 'wine.csv', format: 'csv', origin: 'pipelab' },
    target: 'cultivar',
    task: 'classification',
    about: '178 Italian wines, 13 chemical measurements, 3 cultivars.',
  },
  breast_cancer: {
    label: 'Breast cancer',
    ref: { file: 'breast_cancer.csv', format: 'csv', origin: 'pipelab' },
    target: 'diagnosis',
    task: 'classification',
    about: '569 tumour samples, 30 cell measurements, malignant or benign.',
  },
  digits: {
    label: 'Handwritten digits',
    ref: { file: 'digits.csv', format: 'csv', origin: 'pipelab' },
    target: 'digit',
    task: 'classification',
    about: '1,797 8×8 images of handwritten digits, 64 pixel intensities, 10 classes.',
  },
  diabetes: {
    label: 'Diabetes progression',
    ref: { file: 'diabetes.csv', format: 'csv', origin: 'pipelab' },
    target: 'progression',
    task: 'regression',
    about: '442 patients, 10 baseline measurements, disease progression after one year.',
  },
  penguins: {
    label: 'Palmer penguins',
    ref: { file: 'penguins.json', format: 'json', origin: 'pipelab' },
    target: 'Species',
    task: 'classification',
    about: '344 penguins, body measurements, island and sex (with missing values), 3 species.',
  },
};
