// Auto's calibration, wired: the worker measures once per device (only on a real GPU), the page
// remembers the result through onCalibrated, and every later worker start gets it back instead of
// measuring again. The worker here is a stand-in over a MessageChannel whose init runs the real
// `calibrate` with a given renderer and stand-in timings (no clock).
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { calibrate, deviceSummary, type Calibration } from '../../src/engine/calibration';
import { RunnerState } from '../../src/ui/state/runner.svelte';
import { EngineClient } from '../../src/worker/engine-client';

const GPU = 'ANGLE (NVIDIA, NVIDIA H100 80GB HBM3)';
const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';

/** Stand-in workers on a device with `renderer`; `timed` counts the trainings they timed. */
function device(renderer: string) {
  const timed: string[] = [];
  const make = () => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose({
      init: async (choice: string, remembered: Calibration | null) => {
        const outcome = await calibrate(renderer, remembered, async (units, backend) => {
          timed.push(`${backend}:${units}`);
          return backend === 'cpu' ? units * 3 : units;
        });
        return { name: 'cpu', floatPrecision: 32, tried: [], auto: choice === 'auto', calibration: outcome.calibration, calibrated: outcome.measured, autoNote: deviceSummary(outcome.calibration) };
      },
    }, port2);
    return Object.assign(port1, { terminate: () => { port1.close(); port2.close(); } }) as unknown as Worker;
  };
  return { timed, make };
}

describe('Auto calibration wiring', () => {
  it('measures on the first start with a real GPU, is remembered, and is not measured again', async () => {
    const d = device(GPU);
    const saved: Calibration[] = [];
    const runner = new RunnerState(new EngineClient(d.make));
    runner.onCalibrated = (c) => saved.push(c);
    await runner.useBackend('auto');
    expect(saved).toHaveLength(1);
    expect(d.timed.length).toBeGreaterThan(0);
    expect(runner.backend?.autoNote).toBe('WebGL measured 3.0× faster here for networks of 1024 hidden units');

    // A reload: a new page (nothing in memory) gets the setting back and starts without timing anything.
    EngineClient.deviceCalibration = null;
    const reloaded = device(GPU);
    const after = new RunnerState(new EngineClient(reloaded.make));
    after.onCalibrated = () => { throw new Error('measured again'); };
    after.rememberCalibration(saved[0]);
    await after.useBackend('auto');
    await after.useBackend('auto'); // a restart (another backend chosen and back) too
    const pooled = new EngineClient(reloaded.make); // a sweep's or the lab's engine on the same page
    expect((await pooled.start('auto')).autoNote).toBe('WebGL measured 3.0× faster here for networks of 1024 hidden units');
    pooled.stop();
    expect(reloaded.timed).toEqual([]);
    expect(after.backend?.autoNote).toBe('WebGL measured 3.0× faster here for networks of 1024 hidden units');
  });

  it('on SwiftShader times nothing, remembers nothing, and says Auto stays on cpu', async () => {
    EngineClient.deviceCalibration = null; // a fresh page
    const d = device(SWIFTSHADER);
    const saved: Calibration[] = [];
    const runner = new RunnerState(new EngineClient(d.make));
    runner.onCalibrated = (c) => saved.push(c);
    await runner.useBackend('auto');
    expect(d.timed).toEqual([]);
    expect(saved).toEqual([]);
    expect(runner.backend?.name).toBe('cpu');
    expect(runner.backend?.autoNote).toBe('no GPU');
  });
});
