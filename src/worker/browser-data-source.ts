import penguinsUrl from '@vega-data/penguins.json?url';
import type { DataSource } from '../engine/data-source';
import type { DataRef } from '../steps/step';

/** URL of a bundled data file: pipelab's CSVs from public/datasets, vega-datasets' files through Vite. */
export function dataUrl(ref: DataRef, base: string): string {
  if (ref.origin === 'vega-datasets') {
    if (ref.file !== 'penguins.json') throw new Error(`${ref.file} is not bundled with pipelab`);
    return penguinsUrl;
  }
  return `${base}datasets/${encodeURIComponent(ref.file)}`;
}

/** Fetches bundled data files (served by the app, cached for offline use). */
export function browserDataSource(base: string): DataSource {
  return {
    async load(ref: DataRef): Promise<string> {
      const response = await fetch(dataUrl(ref, base));
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${ref.file}`);
      return response.text();
    },
  };
}
