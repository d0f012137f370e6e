// Auto's device calibration, the browser half: which WebGL renderer this device has, and
// how long the same short training takes on cpu and on WebGL (calibration.ts decides).
import { restorePipeline } from '../core/restore';
import type { DataSource } from '../engine/data-source';
import { runPipeline } from '../engine/run-pipeline';
import { stepCatalog } from '../steps/catalog';
import type { Tf } from '../steps/step';
import type { TimeTraining } from '../engine/calibration';

/** The WebGL renderer's name (WEBGL_debug_renderer_info where the browser gives it), or null without WebGL. */
export function webglRenderer(): string | null {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) as unknown;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

/** The calibration's workload: 400 synthetic points, a network with `units` hidden units, 3 epochs. */
function calibrationSpec(units: number) {
  return restorePipeline({
    format: 'pipelab/pipeline', version: 1, name: 'calibration', seed: 1,
    steps: [
      { id: 'data', kind: 'data.synthetic', params: { shape: 'spiral', samples: 400 } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.mlp-classifier', params: { hiddenLayers: [units], epochs: 3 } },
    ],
  }, stepCatalog);
}

/** Times the calibration workload with `now` (performance.now in the worker); a failed run counts as infinitely slow. */
export function trainingTimer(tf: Tf, dataSource: DataSource, now: () => number): TimeTraining {
  return async (units, backend) => {
    const start = now();
    const { record } = await runPipeline(calibrationSpec(units), { tf, backend, dataSource, runtime: 'calibration' });
    return record.status === 'done' ? now() - start : Infinity;
  };
}
