import type * as TF from '@tensorflow/tfjs';
import type { ChoiceParam } from '../../../core/params';
import type { Tf } from '../../step';
import { FlatAdam } from './flat-adam';
import type { Updater } from './updater';

/** The optimizers a trained model can use. */
export type OptimizerName = 'adam' | 'sgd' | 'momentum' | 'rmsprop';

/** The optimizer choice every trained model offers. */
export const OPTIMIZER_PARAM: ChoiceParam<OptimizerName> = {
  type: 'choice',
  label: 'Optimizer',
  help: 'How the weights are nudged after each batch. Adam is a safe default; plain SGD is the textbook one.',
  default: 'adam',
  options: [
    { value: 'adam', label: 'Adam' },
    { value: 'sgd', label: 'SGD' },
    { value: 'momentum', label: 'SGD with momentum' },
    { value: 'rmsprop', label: 'RMSProp' },
  ],
};

/** Builds a tfjs optimizer with an explicit epsilon, so results do not depend on tfjs's cached backend epsilon. */
export function makeOptimizer(tf: Tf, name: OptimizerName, learningRate: number, epsilon: number): TF.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, 0.9, 0, epsilon);
    default:
      return tf.train.adam(learningRate, 0.9, 0.999, epsilon);
  }
}


/**
 * The optimizer for a training run on cpu or wasm. Adam is FlatAdam (the same
 * numbers with fewer kernel calls); the others are tfjs's own, given the gradients.
 */
export function makeUpdater(tf: Tf, name: OptimizerName, learningRate: number, epsilon: number, vars: readonly TF.Variable[]): Updater {
  if (!['sgd', 'momentum', 'rmsprop'].includes(name)) return new FlatAdam(tf, vars, learningRate, epsilon);
  const optimizer = makeOptimizer(tf, name, learningRate, epsilon);
  return {
    apply: (gradients) => optimizer.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: gradients[i] }))),
    dispose: () => optimizer.dispose(),
  };
}
