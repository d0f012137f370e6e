import type { ChoiceParam, IntListParam, NumberParam } from '../../../core/params';
import type { Activation } from './net-shape';

/** Learning-rate schema with a model-specific default. */
export function learningRateParam(defaultValue: number): NumberParam {
  return {
    type: 'number',
    label: 'Learning rate',
    help: 'How big each weight update is. Too high and the loss jumps around; too low and training crawls.',
    default: defaultValue,
    min: 0.00001,
    max: 10,
    log: true,
  };
}

/** Epoch-count schema with a model-specific default. */
export function epochsParam(defaultValue: number): NumberParam {
  return {
    type: 'number',
    label: 'Epochs',
    help: 'How many passes over the training rows. Watch the test loss: when it rises, more epochs only overfit.',
    default: defaultValue,
    min: 1,
    max: 2000,
    integer: true,
  };
}

/** Mini-batch size schema. */
export function batchSizeParam(defaultValue: number): NumberParam {
  return {
    type: 'number',
    label: 'Batch size',
    help: 'Rows per weight update. Small batches are noisier but update more often; larger than the data means full batch.',
    default: defaultValue,
    min: 1,
    max: 100000,
    integer: true,
  };
}

/** L2 penalty schema. */
export function l2Param(defaultValue: number): NumberParam {
  return {
    type: 'number',
    label: 'L2 penalty',
    help: 'Pulls weights towards zero so the model stays simple; raise it when the model overfits.',
    default: defaultValue,
    min: 0,
    max: 100,
  };
}

/** Hidden-layer sizes schema. */
export const HIDDEN_LAYERS_PARAM: IntListParam = {
  type: 'int-list',
  label: 'Hidden layers',
  help: 'Number of units in each hidden layer, e.g. 16, 8 for two layers. More units can fit more complex shapes.',
  default: [16],
  min: 1,
  max: 1024,
  minLength: 1,
  maxLength: 8,
};

/** Hidden activation schema. */
export const ACTIVATION_PARAM: ChoiceParam<Activation> = {
  type: 'choice',
  label: 'Activation',
  help: 'The bend each hidden unit applies. ReLU is the usual choice; tanh gives smoother boundaries.',
  default: 'relu',
  options: [
    { value: 'relu', label: 'ReLU' },
    { value: 'tanh', label: 'tanh' },
    { value: 'sigmoid', label: 'Sigmoid' },
  ],
};
