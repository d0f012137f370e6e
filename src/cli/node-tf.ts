import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Tf } from '../steps/step';
import { useNodeSha256 } from './node-hash';

/**
 * tfjs for Node with the pure-JS cpu backend (the reference backend, bit-identical
 * to the browser's) and the wasm backend, whose .wasm files are read from node_modules.
 * Also switches hashing to Node's synchronous SHA-256 (see node-hash.ts), as every
 * Node host of the engine calls this first.
 */
export function loadNodeTf(): Tf {
  useNodeSha256();
  const require = createRequire(import.meta.url);
  const wasmEntry = require.resolve('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(path.dirname(wasmEntry) + path.sep);
  tf.enableProdMode(); // no debug checks, and no "install tfjs-node" banner: cpu must stay the pure-JS reference
  return tf;
}

/** The runtime line of the run record. */
export const NODE_RUNTIME = `node ${process.version}`;
