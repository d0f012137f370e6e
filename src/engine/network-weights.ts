// The fitted weights of a dense network (MLP or logistic regression) as plain arrays for the
// network view: units per layer, the names of the inputs and outputs, one kernel per layer.
import type { FittedModel } from '../core/state';
import { findStep } from '../steps/registry';

/** Whether a model kind's fitted state is a dense network the network view can draw: its step declares TF.js layers. */
export function isDenseNetwork(kind: string): boolean {
  return Boolean(findStep(kind)?.fitted?.layers);
}

/** A dense network's layer sizes and kernels (layer l: sizes[l] × sizes[l+1], row-major). */
export interface NetworkWeights {
  readonly kind: string;
  readonly sizes: readonly number[];
  readonly activation: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly kernels: readonly Float32Array[];
}

/** The network of a fitted model, or null when it is not a dense network (trees, neighbours, …) or its weights do not fit its layers. */
export function networkWeights(model: FittedModel | null | undefined): NetworkWeights | null {
  if (!model || !isDenseNetwork(model.kind)) return null;
  // Read defensively, key by key: the model may come from storage or a bundle of any kind.
  const info: Readonly<Record<string, unknown>> = model.info;
  const sizes = info.layers;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) return null;
  const kernels = model.weights.filter((w) => w.shape.length === 2);
  if (kernels.length !== sizes.length - 1) return null;
  for (let l = 0; l < kernels.length; l++) {
    if (kernels[l].shape[0] !== sizes[l] || kernels[l].shape[1] !== sizes[l + 1]) return null;
  }
  const names = (key: string, n: number, fallback: string) => {
    const given = info[key];
    return Array.isArray(given) && given.length === n ? given.map(String) : Array.from({ length: n }, (_, i) => `${fallback} ${i + 1}`);
  };
  const outputs = sizes[sizes.length - 1];
  return {
    kind: model.kind,
    sizes: [...sizes],
    activation: String(info.activation ?? ''),
    inputNames: names('features', sizes[0], 'input'),
    outputNames: findStep(model.kind)?.model?.task === 'regression' ? ['prediction'].slice(0, outputs) : names('classes', outputs, 'output'),
    kernels: kernels.map((k) => Float32Array.from(k.values)),
  };
}
