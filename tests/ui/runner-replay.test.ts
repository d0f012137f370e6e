import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import type { ProgressEvent } from '../../src/engine/progress';
import type { RunResult } from '../../src/engine/run-pipeline';
import { buildRunView } from '../../src/engine/run-view';
import { buildReplay } from '../../src/engine/training-replay';
import { RunnerState } from '../../src/ui/state/runner.svelte';
import type { BackendInfo } from '../../src/worker/engine-api';
import type { EngineClient } from '../../src/worker/engine-client';
import { loadExample, run, tf } from '../helpers';
import { callsTo } from './engine-stand-in';

/** A stand-in for the worker: the real engine, in-process on cpu, recording replays as the worker does. */
class InProcessEngine {
  onRestart?: (ready: Promise<BackendInfo>) => void;
  last: RunResult | null = null;
  failReplay = false;
  start(): Promise<BackendInfo> {
    return Promise.resolve({ name: 'cpu', floatPrecision: 32 } as unknown as BackendInfo);
  }
  async run(spec: PipelineSpec, onProgress: (e: ProgressEvent) => void) {
    this.last = await run(spec, { recordReplay: true, onProgress });
    return buildRunView(tf, this.last);
  }
  /** What the runner asks through EngineClient.call: the replay. */
  readonly call = callsTo({ replay: () => this.replay() });
  replay() {
    if (this.failReplay) return Promise.reject(new Error('the worker went away'));
    return Promise.resolve(this.last?.replay ? buildReplay(tf, this.last.replay) : null);
  }
}

async function runner(engine: InProcessEngine): Promise<RunnerState> {
  const r = new RunnerState(engine as unknown as EngineClient);
  await r.useBackend('cpu');
  return r;
}

const settled = async (r: RunnerState) => {
  for (let i = 0; i < 100 && r.replayLoading; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the runner fetches the replay of the run it shows', () => {
  it('after a run, shows that run\'s replay; a stored run on display shows none', async () => {
    const engine = new InProcessEngine();
    const r = await runner(engine);
    await r.run(loadExample('spiral-mlp'));
    await settled(r);
    expect(r.view?.record.status).toBe('done');
    expect(r.shownReplay?.snapshots).toHaveLength(30);
    expect(r.shownReplay?.totalEpochs).toBe(120);
    r.showStored(structuredClone(r.view));
    expect(r.shownReplay).toBeNull();
  });

  it('keeps the result when the replay cannot be fetched', async () => {
    const engine = new InProcessEngine();
    engine.failReplay = true;
    const r = await runner(engine);
    await r.run(loadExample('circle-logreg'));
    await settled(r);
    expect(r.view?.record.status).toBe('done');
    expect(r.shownReplay).toBeNull();
    expect(r.replayLoading).toBe(false);
    expect(r.error).toBeNull();
  });
});
