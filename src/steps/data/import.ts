import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import { EMPTY_STATE } from '../../core/state';
import { makeTable } from '../../core/table';
import { defineStep } from '../step';
import { prepareTarget } from './as-target';
import { formatOf, parseUserFileByHash } from './parse-user-data';

/** What the palette, forms and restore know of `importedDataset`: plain data, no code. */
export const importedDatasetDescription = describeStep({
  kind: 'data.import',
  version: 1,
  category: 'data',
  label: 'Your data (imported file)',
  keywords: ['CSV', 'TSV', 'JSON', 'upload', 'own data', 'file', 'read_csv'],
  help: 'Starts the pipeline with a CSV, TSV or JSON file you imported. Say which column the model should predict.',
  usesRandomness: false,
  params: {
    name: { type: 'text', label: 'File', help: 'The name the file was imported under.', default: 'data.csv', maxLength: 200 },
    hash: {
      type: 'text',
      label: 'Content hash',
      help: "SHA-256 of the file's contents: the data is identified by what it holds, so a changed file is noticed.",
      default: '',
      maxLength: 64,
      pattern: '[0-9a-f]{64}',
      optional: true,
    },
    target: { type: 'text', label: 'Target column', help: 'The column the model learns to predict.', default: '', maxLength: 200 },
    task: {
      type: 'choice',
      label: 'Task',
      help: 'Classification predicts a label (a species, yes/no); regression predicts a number (a price).',
      default: 'classification',
      options: [
        { value: 'classification', label: 'Classification' },
        { value: 'regression', label: 'Regression' },
      ],
    },
    columns: {
      type: 'columns',
      label: 'Feature columns',
      help: 'The columns the model may use; leave empty for all of them.',
      default: [],
      maxLength: 2000,
    },
  },
});

/** Starts a pipeline with a file the user imported, identified by its content hash. */
export const importedDataset = defineStep(importedDatasetDescription, {
  dataRef: (p) => (p.hash ? { file: p.hash, format: formatOf(p.name), origin: 'user', name: p.name } : null),
  async run(ctx, _input, params) {
    if (!ctx.data) throw new StepInputError('No data file yet: import one with "Import data" in the app, or pass --data FILE on the command line.');
    const raw = parseUserFileByHash(ctx.data.text, formatOf(params.name), ctx.data.hash).table;
    const names = raw.columns.map((c) => c.name);
    const target = params.target;
    if (!names.includes(target)) {
      throw new StepInputError(`The target column "${target}" is not in the file; its columns are ${names.map((n) => `"${n}"`).join(', ')}.`);
    }
    const wanted = params.columns;
    const missing = wanted.filter((c) => !names.includes(c));
    if (missing.length) throw new StepInputError(`The file has no column ${missing.map((m) => `"${m}"`).join(', ')}.`);
    const kept = raw.columns.filter((c) => c.name === target || wanted.length === 0 || wanted.includes(c.name));
    const task = params.task;
    return { ...EMPTY_STATE, table: prepareTarget(makeTable(kept), target, task), target, task };
  },
});
