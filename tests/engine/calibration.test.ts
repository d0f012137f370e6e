import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_REPEATS, CALIBRATION_SIZES, calibrate, calibrationPlan, decideBackend, deviceSummary, isRealGpu, type Calibration, type TimeTraining,
} from '../../src/engine/calibration';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const GPU = 'ANGLE (NVIDIA, NVIDIA H100 80GB HBM3 Direct3D11 vs_5_0 ps_5_0, D3D11)';

/** Stubbed timings: cpu and WebGL milliseconds per network size. */
const measured = (renderer: string | null, ...samples: [number, number, number][]): Calibration => ({
  renderer,
  samples: samples.map(([hiddenUnits, cpuMs, webglMs]) => ({ hiddenUnits, cpuMs, webglMs })),
});

describe('the backend calibration decides', () => {
  it('tells a real GPU from software renderers', () => {
    expect(isRealGpu(GPU)).toBe(true);
    expect(isRealGpu('Apple M2')).toBe(true);
    for (const r of [SWIFTSHADER, 'llvmpipe (LLVM 15.0.6, 256 bits)', 'Google SwiftShader', '', null]) expect(isRealGpu(r)).toBe(false);
  });

  it('measures nothing and stays on cpu on SwiftShader, whatever the timings say', () => {
    expect(calibrationPlan(SWIFTSHADER)).toEqual([]);
    const d = decideBackend(measured(SWIFTSHADER, [1024, 900, 100]), 1024);
    expect(d).toMatchObject({ backend: 'cpu', speedup: null });
    expect(d.text).toContain('software renderer');
    expect(decideBackend(measured(null), 1024).backend).toBe('cpu');
  });

  it('chooses WebGL for large networks where it measured faster, and says by how much', () => {
    expect(calibrationPlan(GPU).length).toBeGreaterThan(0);
    const cal = measured(GPU, [256, 40, 50], [1024, 310, 100]);
    expect(decideBackend(cal, 1024)).toEqual({ backend: 'webgl', speedup: 3.1, text: 'WebGL measured 3.1× faster here for networks this size' });
    expect(decideBackend(cal, 2000).backend).toBe('webgl');
    const small = decideBackend(cal, 256);
    expect(small.backend).toBe('cpu');
    expect(small.text).toBe('cpu measured 1.3× faster than WebGL here for networks this size');
  });

  it('keeps small networks and barely faster WebGL on cpu, and ignores broken timings', () => {
    const cal = measured(GPU, [1024, 110, 100]);
    expect(decideBackend(cal, 64)).toMatchObject({ backend: 'cpu', speedup: null });
    expect(decideBackend(cal, 1024)).toMatchObject({ backend: 'cpu', speedup: 1.1 });
    expect(decideBackend(measured(GPU, [1024, 0, 100], [1024, Number.NaN, 1]), 1024)).toMatchObject({ backend: 'cpu', speedup: null });
  });
});

describe('the calibration on start', () => {
  /** A stand-in clock: each call records what was timed and returns the given milliseconds. */
  function standIn(ms: Record<string, number>) {
    const calls: string[] = [];
    const time: TimeTraining = async (units, backend) => {
      calls.push(`${backend}:${units}`);
      return ms[`${backend}:${units}`];
    };
    return { calls, time };
  }

  it('times nothing on SwiftShader or without WebGL, and Auto stays on cpu', async () => {
    for (const renderer of [SWIFTSHADER, null]) {
      const { calls, time } = standIn({});
      const out = await calibrate(renderer, null, time);
      expect(calls).toEqual([]);
      expect(out).toEqual({ calibration: { renderer, samples: [] }, measured: false });
      expect(decideBackend(out.calibration, 1024).backend).toBe('cpu');
    }
    expect(deviceSummary({ renderer: SWIFTSHADER, samples: [] })).toBe('no GPU');
    expect(deviceSummary({ renderer: null, samples: [] })).toBe('no WebGL');
  });

  it('on a real GPU, times each size on both backends (a warm-up, then the median of the repeats)', async () => {
    const { calls, time } = standIn({ 'cpu:256': 300, 'webgl:256': 400, 'cpu:1024': 3100, 'webgl:1024': 1000 });
    const out = await calibrate(GPU, null, time);
    expect(out.measured).toBe(true);
    expect(out.calibration).toEqual(measured(GPU, [256, 300, 400], [1024, 3100, 1000]));
    expect(calls.length).toBe(CALIBRATION_SIZES.length * 2 * (CALIBRATION_REPEATS + 1));
    expect(deviceSummary(out.calibration)).toBe('WebGL measured 3.1× faster here for networks of 1024 hidden units');
  });

  it('uses a remembered calibration of the same renderer without timing again, and re-measures a new GPU', async () => {
    const remembered = measured(GPU, [256, 300, 400], [1024, 3100, 1000]);
    const again = standIn({});
    expect(await calibrate(GPU, remembered, again.time)).toEqual({ calibration: remembered, measured: false });
    expect(again.calls).toEqual([]);
    const other = 'ANGLE (AMD, Radeon RX 7900)';
    const fresh = standIn({ 'cpu:256': 100, 'webgl:256': 300, 'cpu:1024': 900, 'webgl:1024': 1200 });
    const out = await calibrate(other, remembered, fresh.time);
    expect(out.measured).toBe(true);
    expect(deviceSummary(out.calibration)).toBe('cpu measured 1.3× faster than WebGL here for networks of 1024 hidden units');
  });
});
