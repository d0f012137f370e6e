// Loads the data plot of the pipeline being edited, before and between runs: the worker runs
// only the data steps (and split); a change elsewhere in the pipeline fetches nothing.
import { canonicalJson } from '../../core/canonical-json';
import type { PipelineSpec } from '../../core/spec';
import type { DataPlot } from '../../engine/data-plot';
import { dataPlotSpec } from '../../engine/data-plot-spec';

/** Fetches the plot of a spec's data steps: by default through the runner's worker. */
export type FetchDataPlot = (spec: PipelineSpec) => Promise<DataPlot | null>;

/** The data plot of the latest spec asked for, refetched only when its data steps or split change. */
export class DataPlotLoader {
  plot = $state<DataPlot | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  private key = '';
  private seq = 0;

  constructor(private readonly fetchPlot: FetchDataPlot) {}

  /** Fetches the plot of `spec`'s data steps unless they are the ones already shown (or being fetched). */
  async refresh(spec: PipelineSpec): Promise<void> {
    const cut = dataPlotSpec(spec);
    const key = cut ? canonicalJson({ seed: cut.seed, steps: cut.steps }) : '';
    if (key === this.key) return;
    this.key = key;
    const seq = ++this.seq;
    if (!cut) {
      this.plot = null;
      this.error = null;
      return;
    }
    this.loading = true;
    try {
      const plot = await this.fetchPlot(spec);
      if (seq !== this.seq) return;
      this.plot = plot;
      this.error = null;
    } catch (err) {
      if (seq !== this.seq) return;
      this.plot = null;
      this.error = `The data could not be plotted: ${(err as Error).message}`;
      this.key = ''; // try again on the next change
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}
