// Entry of the service worker (built to sw.js by scripts/offline-plugin.ts, which fills in the precache list).
import { startServiceWorker, type WorkerScope } from './sw-handlers';

declare const __PRECACHE__: { cacheName: string; files: string[] };

startServiceWorker(self as unknown as WorkerScope, __PRECACHE__);
