// The growth of a fitted decision tree (depth by depth) or random forest (its first k trees), as
// a recording the replay's frames are built from. Cheap, and after the run: every node of a
// fitted tree keeps its class shares (or mean target), so the tree cut at depth d is the same
// tree with the nodes at depth d made leaves, and a forest of its first k trees is the same
// forest with fewer roots. Nothing is recorded while the tree grows.
import { snapshotEpochs } from '../core/snapshot-schedule';
import { stepCatalog } from '../steps/catalog';
import type { FittedModel, PipelineState } from '../core/state';
import type { RunResult } from './run-pipeline';
import type { RecordedTraining } from './training-replay';

/** How a model kind's growth is replayed, as its step declares it: by depth (a tree), by trees (a forest), or not. */
function growth(kind: string): 'depth' | 'trees' | null {
  const replay = stepCatalog.describe(kind)?.model?.replay;
  return replay === 'depth' || replay === 'trees' ? replay : null;
}

/** Whether a model kind's growth can be replayed (single trees and random forests). */
export function growsInSteps(kind: string): boolean {
  return growth(kind) !== null;
}

/** The growth of the model in `state` (a model step's output), or null for other models. */
export function treeGrowth(state: PipelineState, stepId: string): RecordedTraining | null {
  const model = state.model;
  if (!model || !growsInSteps(model.kind)) return null;
  const roots = values(model, 'roots');
  const forest = growth(model.kind) === 'trees';
  const total = forest ? roots.length : maxDepth(model);
  if (total < 1) return null;
  const steps = snapshotEpochs(total);
  const epochs = steps.map((k) => ({ epoch: k, model: k === total ? model : forest ? firstTrees(model, k) : cutAtDepth(model, k) }));
  return { stepId, input: state, totalEpochs: total, kind: model.kind, unit: forest ? 'tree' : 'depth', epochs, tooBig: 0, bytes: 0 };
}

function values(model: FittedModel, name: string): Float64Array {
  const w = model.weights.find((x) => x.name === name);
  if (!w) throw new Error(`The fitted ${model.kind} has no "${name}" weights.`);
  return Float64Array.from(w.values);
}

function withWeights(model: FittedModel, replaced: Record<string, Float64Array>): FittedModel {
  return { ...model, weights: model.weights.map((w) => (replaced[w.name] ? { ...w, shape: [replaced[w.name].length], values: replaced[w.name] } : w)) };
}

/** Depth of every node (roots at 0), walking down from each root. */
function nodeDepths(model: FittedModel): Int32Array {
  const [left, right, roots] = [values(model, 'left'), values(model, 'right'), values(model, 'roots')];
  const depth = new Int32Array(left.length);
  const stack = Array.from(roots);
  while (stack.length) {
    const node = stack.pop()!;
    if (left[node] < 0) continue;
    depth[left[node]] = depth[right[node]] = depth[node] + 1;
    stack.push(left[node], right[node]);
  }
  return depth;
}

function maxDepth(model: FittedModel): number {
  return nodeDepths(model).reduce((m, d) => Math.max(m, d), 0);
}

/** The tree with every node at depth `d` made a leaf (predicting its own class shares or mean). */
function cutAtDepth(model: FittedModel, d: number): FittedModel {
  const depth = nodeDepths(model);
  const [left, right] = [values(model, 'left'), values(model, 'right')];
  for (let n = 0; n < left.length; n++) {
    if (depth[n] >= d) left[n] = right[n] = -1;
  }
  return withWeights(model, { left, right });
}

/** The forest of its first `k` trees. */
function firstTrees(model: FittedModel, k: number): FittedModel {
  return withWeights(model, { roots: values(model, 'roots').slice(0, k) });
}

/** The growth of a finished run's tree or forest (null under cross-validation, for other models, or a run that did not finish). */
export function growthOfRun(result: RunResult): RecordedTraining | null {
  if (result.record.status !== 'done' || result.record.crossValidation) return null;
  const step = [...result.record.spec.steps].reverse().find((s) => s.enabled && growsInSteps(s.kind));
  const out = step && result.outputs.find((o) => o.stepId === step.id);
  return out ? treeGrowth(out.state, out.stepId) : null;
}
