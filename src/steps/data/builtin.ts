import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import { parseCsv, parseRecords } from '../../core/parse-table';
import { EMPTY_STATE } from '../../core/state';
import { defineStep } from '../step';
import { prepareTarget } from './as-target';
import { BUILTIN_DATASETS } from './builtin-datasets';
import { parsedOnce } from './parsed-datasets';

/** What the palette, forms and restore know of `builtinDataset`: plain data, no code. */
export const builtinDatasetDescription = describeStep({
  kind: 'data.builtin',
  version: 1,
  category: 'data',
  shortId: 'data',
  label: 'Built-in data set',
  keywords: ['example data', 'sample data set', 'iris', 'wine', 'breast cancer', 'digits', 'diabetes', 'penguins', 'load_iris'],
  help: 'Starts the pipeline with a classic data set that ships with pipelab, so it works offline.',
  usesRandomness: false,
  params: {
    name: {
      type: 'choice',
      label: 'Data set',
      help: 'Which data set to load; the last column is what the model learns to predict.',
      default: 'iris',
      options: Object.entries(BUILTIN_DATASETS).map(([value, d]) => ({ value, label: d.label })),
    },
  },
});

/** Loads one of the data sets that ship with pipelab. */
export const builtinDataset = defineStep(builtinDatasetDescription, {
  dataRef: (params) => BUILTIN_DATASETS[params.name].ref,
  async run(ctx, _input, params) {
    const dataset = BUILTIN_DATASETS[params.name];
    if (!ctx.data) throw new StepInputError(`The data file ${dataset.ref.file} was not loaded.`);
    const text = ctx.data.text;
    const table = parsedOnce(`${ctx.data.hash} ${params.name}`, () => {
      const raw = dataset.ref.format === 'csv' ? parseCsv(text) : parseRecords(JSON.parse(text));
      return prepareTarget(raw, dataset.target, dataset.task);
    });
    return { ...EMPTY_STATE, table, target: dataset.target, task: dataset.task };
  },
});
