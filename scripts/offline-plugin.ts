// A small Vite plugin that makes the build work offline: after the app is written, it lists every
// file of the build (hashed bundles, the engine worker, the tfjs wasm files, the data sets, icons,
// manifest) and builds src/sw/service-worker.ts into sw.js with that list and a cache name derived
// from the files' content, so each build gets its own cache and any change makes a new sw.js.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

/** What the service worker precaches, and how big it is. */
export interface PrecacheList {
  readonly cacheName: string;
  readonly files: string[];
  readonly bytes: number;
}

/** Whether a built file belongs in the precache (source maps and the worker script itself do not). */
export function isPrecached(file: string): boolean {
  return !file.endsWith('.map') && file !== 'sw.js';
}

/** Every file under dir, as sorted scope-relative paths with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The precache list of a built app directory; the cache name is a hash over the files' names and content. */
export function precacheOf(dir: string): PrecacheList {
  const files = listFiles(dir).filter(isPrecached);
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(dir, file));
    bytes += content.length;
    hash.update(file).update('\0').update(content).update('\0');
  }
  return { cacheName: `pipelab-${hash.digest('hex').slice(0, 16)}`, files, bytes };
}

/** The Vite plugin: builds `entry` (the service worker source) into `<outDir>/sw.js` after each app build. */
export function offlinePlugin(entry: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'pipelab:offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const { cacheName, files, bytes } = precacheOf(outDir);
      await build({
        configFile: false,
        logLevel: 'warn',
        root: config.root,
        publicDir: false,
        define: { __PRECACHE__: JSON.stringify({ cacheName, files }) },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          sourcemap: false,
          target: 'es2022',
          lib: { entry: path.resolve(config.root, entry), formats: ['iife'], name: 'pipelabServiceWorker', fileName: () => 'sw.js' },
        },
      });
      config.logger.info(`sw.js precaches ${files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB (cache ${cacheName})`);
    },
  };
}
