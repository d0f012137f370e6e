import type { DataSource } from '../engine/data-source';
import type { DataRef } from '../steps/step';

/** URL of a bundled data file (public/datasets, served with the app). */
export function dataUrl(ref: DataRef, base: string): string {
  return `${base}datasets/${encodeURIComponent(ref.file)}`;
}

/**
 * Fetches bundled data files (served by the app, cached for offline use), each once per
 * worker: they are part of the build the worker belongs to (an update reloads the page
 * and so the worker), and a run reads its data file every time (about a millisecond
 * per fetch, a quarter of a small run). A failed fetch is not remembered.
 */
export function browserDataSource(base: string, get: typeof fetch = (...args) => fetch(...args)): DataSource {
  const texts = new Map<string, Promise<string>>();
  return {
    load(ref: DataRef): Promise<string> {
      const url = dataUrl(ref, base);
      let text = texts.get(url);
      if (!text) {
        text = get(url).then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status} for ${ref.file}`);
          return response.text();
        });
        texts.set(url, text);
        text.catch(() => texts.delete(url));
      }
      return text;
    },
  };
}
