// Auto's backend chosen by measurement (issue 23 item 5): the pure decision. Given the timings of
// a short calibration (the same training on cpu and on WebGL, for a few network sizes) and the
// WebGL renderer's name, it says which backend a network of a given size runs on and what the
// toolbar says about it. Measuring is the caller's job; here nothing reads a clock.

/** Networks with at most this many hidden units in all stay on cpu without measuring (the per-op cost of a GPU dominates). */
export const CALIBRATION_MIN_UNITS = 128;

/** The network sizes (hidden units in all) a calibration times where a real GPU is present. */
export const CALIBRATION_SIZES: readonly number[] = [256, 1024];

/** WebGL must be at least this much faster to be chosen: a margin over timing noise, since cpu results are the reproducible ones. */
export const MIN_SPEEDUP = 1.2;

/** One measured size: the median milliseconds of the same training on each backend. */
export interface CalibrationSample {
  readonly hiddenUnits: number;
  readonly cpuMs: number;
  readonly webglMs: number;
}

/** What a calibration found on this device (what Auto remembers). */
export interface Calibration {
  /** The WebGL renderer string (WEBGL_debug_renderer_info), or null where WebGL is missing. */
  readonly renderer: string | null;
  readonly samples: readonly CalibrationSample[];
}

/** Auto's choice for one network and the sentence the toolbar shows. */
export interface BackendDecision {
  readonly backend: 'cpu' | 'webgl';
  /** cpu time ÷ WebGL time of the sample used; null where nothing was measured. */
  readonly speedup: number | null;
  readonly text: string;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** Whether a WebGL renderer is a real GPU (SwiftShader, llvmpipe and other software rasterisers are not). */
export function isRealGpu(renderer: string | null): boolean {
  return renderer !== null && renderer.trim() !== '' && !SOFTWARE_RENDERERS.test(renderer);
}

/** The sizes worth timing on this device: none without a real GPU (Auto stays on cpu there). */
export function calibrationPlan(renderer: string | null): readonly number[] {
  return isRealGpu(renderer) ? CALIBRATION_SIZES : [];
}

const usable = (s: CalibrationSample) => s.cpuMs > 0 && s.webglMs > 0 && Number.isFinite(s.cpuMs) && Number.isFinite(s.webglMs);

/** The measured sample nearest to `hiddenUnits` (the larger one on a tie); null without usable samples. */
function nearestSample(samples: readonly CalibrationSample[], hiddenUnits: number): CalibrationSample | null {
  let best: CalibrationSample | null = null;
  for (const s of samples.filter(usable)) {
    const d = ratioDistance(s.hiddenUnits, hiddenUnits);
    const bestD = best ? ratioDistance(best.hiddenUnits, hiddenUnits) : Infinity;
    if (d < bestD || (d === bestD && best !== null && s.hiddenUnits > best.hiddenUnits)) best = s;
  }
  return best;
}

/** How many times larger the bigger of two sizes is (nearness on a log scale, without a log). */
const ratioDistance = (a: number, b: number) => Math.max(a / b, b / a);

/** Which backend Auto runs a network with `hiddenUnits` hidden units on, and why, in one sentence. */
export function decideBackend(calibration: Calibration, hiddenUnits: number): BackendDecision {
  if (!isRealGpu(calibration.renderer)) {
    const what = calibration.renderer ? `WebGL here is a software renderer (${calibration.renderer.trim()})` : 'no WebGL here';
    return { backend: 'cpu', speedup: null, text: `cpu: ${what}, so there is no GPU to gain from` };
  }
  if (hiddenUnits <= CALIBRATION_MIN_UNITS) return { backend: 'cpu', speedup: null, text: 'cpu: networks this small run fastest without a GPU' };
  const sample = nearestSample(calibration.samples, hiddenUnits);
  if (!sample) return { backend: 'cpu', speedup: null, text: 'cpu: WebGL has not been measured here yet' };
  const speedup = sample.cpuMs / sample.webglMs;
  if (speedup >= MIN_SPEEDUP) return { backend: 'webgl', speedup, text: `WebGL measured ${times(speedup)} faster here for networks this size` };
  const text = speedup < 1
    ? `cpu measured ${times(1 / speedup)} faster than WebGL here for networks this size`
    : `cpu: WebGL measured only ${times(speedup)} faster here for networks this size, too little to give up exact results`;
  return { backend: 'cpu', speedup, text };
}

/** "3.1×": one decimal. */
function times(ratio: number): string {
  return `${ratio.toFixed(1)}×`;
}

/** Times one short training of a network with `hiddenUnits` hidden units on `backend`, in milliseconds (the caller's clock). */
export type TimeTraining = (hiddenUnits: number, backend: 'cpu' | 'webgl') => Promise<number>;

/** What Auto uses on this device, and whether it was measured just now (then the caller remembers it). */
export interface CalibrationOutcome {
  readonly calibration: Calibration;
  readonly measured: boolean;
}

/** Timed repeats per backend and size after one untimed warm-up (the median is kept). */
export const CALIBRATION_REPEATS = 3;

/**
 * Auto's calibration on start: nothing is timed without a real GPU (SwiftShader, llvmpipe: Auto
 * stays on cpu), nor where a remembered calibration of the same renderer exists; otherwise each
 * size of the plan is timed on cpu and on WebGL (a warm-up, then the median of a few repeats).
 */
export async function calibrate(renderer: string | null, remembered: Calibration | null, time: TimeTraining): Promise<CalibrationOutcome> {
  const plan = calibrationPlan(renderer);
  if (plan.length === 0) return { calibration: { renderer, samples: [] }, measured: false };
  if (remembered && remembered.renderer === renderer && remembered.samples.length > 0) return { calibration: remembered, measured: false };
  const samples: CalibrationSample[] = [];
  for (const hiddenUnits of plan) {
    samples.push({ hiddenUnits, cpuMs: await medianTime(time, hiddenUnits, 'cpu'), webglMs: await medianTime(time, hiddenUnits, 'webgl') });
  }
  return { calibration: { renderer, samples }, measured: true };
}

async function medianTime(time: TimeTraining, hiddenUnits: number, backend: 'cpu' | 'webgl'): Promise<number> {
  await time(hiddenUnits, backend);
  const ms: number[] = [];
  for (let i = 0; i < CALIBRATION_REPEATS; i++) ms.push(await time(hiddenUnits, backend));
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

/** The toolbar's sentence for this device: the decision for the largest measured size (or why nothing was measured). */
export function deviceSummary(calibration: Calibration): string {
  if (!isRealGpu(calibration.renderer)) return calibration.renderer ? 'no GPU' : 'no WebGL';
  const sizes = calibration.samples.map((s) => s.hiddenUnits);
  const largest = sizes.length ? Math.max(...sizes) : CALIBRATION_SIZES[CALIBRATION_SIZES.length - 1];
  return decideBackend(calibration, largest).text.replace('networks this size', `networks of ${largest} hidden units`);
}
