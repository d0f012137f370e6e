// The build id shown in the app's footer: PIPELAB_BUILD_ID when set, else the git commit, else the package version.
import { execFileSync } from 'node:child_process';

/** Which build this is, for people (the service worker's cache name identifies the exact files). */
export function buildId(env: NodeJS.ProcessEnv, fallback: string): string {
  if (env.PIPELAB_BUILD_ID) return env.PIPELAB_BUILD_ID;
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || fallback;
  } catch {
    return fallback;
  }
}
