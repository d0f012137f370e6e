import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's Python, which python3-sklearn installs scikit-learn for (CI installs it too). */
export const PYTHON = '/usr/bin/python3';

/** Fails (never skips) when scikit-learn is missing, saying how to install it. */
export function requireSklearn(): void {
  const result = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import scikit-learn: install Debian's python3-sklearn (sudo apt-get install -y python3-sklearn). ` +
        `${result.error?.message ?? result.stderr}`,
    );
  }
}

/** What one exported script printed with --json (test and train metrics, the per-class report when there is one), and its columns. */
export interface ScriptResult {
  readonly test: Record<string, number | null>;
  readonly train: Record<string, number | null>;
  readonly report?: Record<string, Record<string, number | null>>;
  /** The script's feature column names when the model was fitted (its variable "names"). */
  readonly columns: string[];
}

// Runs every script in one Python process (scikit-learn is imported once), each as __main__ with --json.
const RUNNER = `
import contextlib, io, json, runpy, sys, traceback
out = {}
for f in sys.argv[1:]:
    buf = io.StringIO()
    sys.argv = [f, "--json"]
    try:
        with contextlib.redirect_stdout(buf):
            names = runpy.run_path(f, run_name="__main__").get("names")
        out[f] = {"result": dict(json.loads(buf.getvalue().strip().splitlines()[-1]), columns=names)}
    except BaseException:
        out[f] = {"error": traceback.format_exc() + buf.getvalue()}
print(json.dumps(out))
`;

/** Writes the scripts to a temporary folder, runs them all in one Python process, and returns each one's result by name. */
export function runScripts(scripts: Readonly<Record<string, string>>): Record<string, ScriptResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-python-kinds-'));
  const files = Object.entries(scripts).map(([name, script]) => {
    const file = path.join(dir, `${name}.py`);
    writeFileSync(file, script);
    return [name, file] as const;
  });
  const run = spawnSync(PYTHON, ['-c', RUNNER, ...files.map(([, f]) => f)], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`Python failed (exit ${run.status}, ${run.error?.message ?? 'no spawn error'}):\n${run.stderr}`);
  const out = JSON.parse(run.stdout) as Record<string, { result?: ScriptResult; error?: string }>;
  const results: Record<string, ScriptResult> = {};
  for (const [name, file] of files) {
    const r = out[file];
    if (!r?.result) throw new Error(`The exported script ${name} (${file}) failed:\n${r?.error ?? 'no output'}`);
    results[name] = r.result;
  }
  rmSync(dir, { recursive: true, force: true });
  return results;
}
