/// <reference lib="webworker" />
// The module Web Worker that runs the engine: tfjs, data and training never touch the main thread.
// It sets up tfjs and exposes one engine (engine-api-impl.ts holds what the engine does).
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { useSmallSha256 } from '../core/hash';
import { sha256Sync } from '../core/sha256';
import { browserDataSource } from './browser-data-source';
import { webglRenderer } from './calibrate-device';
import { createEngineApi } from './engine-api-impl';
import { hashFilesAside } from './file-hash';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
tf.enableProdMode();
useSmallSha256(sha256Sync); // small states hashed in place: no WebCrypto round trip per digest
// An imported file is hashed on a side worker while this one parses it (WebCrypto's digest holds its caller's thread).
hashFilesAside(() => new Worker(new URL('./file-hash.worker.ts', import.meta.url), { type: 'module', name: 'pipelab-file-hash' }));

const api = createEngineApi({
  tf,
  dataSource: browserDataSource(import.meta.env.BASE_URL),
  runtime: self.navigator.userAgent,
  webglRenderer,
  now: () => performance.now(),
  whereAmI: () => (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope ? 'worker' : 'main'),
});

Comlink.expose(api, self);
