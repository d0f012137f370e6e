import pkg from '../../package.json' with { type: 'json' };
import type { Tf } from '../steps/step';
import type { Environment } from './run-record';

/**
 * Version of the engine's numerical behaviour. Bump it whenever a change alters
 * any step output for the same spec and data: it is part of every config hash.
 */
export const ENGINE_VERSION = '1';

/** The app's version, from package.json. */
export const APP_VERSION: string = pkg.version;

/** Describes the backend tfjs is on now. `runtime` is supplied by the host (Node or the browser). */
export function describeEnvironment(tf: Tf, runtime: string): Environment {
  return {
    backend: tf.getBackend(),
    floatPrecision: tf.backend().floatPrecision(),
    tfjsVersion: tf.version.tfjs,
    appVersion: APP_VERSION,
    engineVersion: ENGINE_VERSION,
    runtime,
  };
}
