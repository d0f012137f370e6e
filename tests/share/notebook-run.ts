import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PYTHON } from './python-run';

/** Fails (never skips) when nbclient or nbformat is missing, saying how to install them. */
export function requireNbclient(): void {
  const result = spawnSync(PYTHON, ['-c', 'import sklearn, nbclient, nbformat, ipykernel'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${PYTHON} cannot run notebooks: install Debian's python3-nbclient, python3-nbformat and python3-ipykernel ` +
        `(sudo apt-get install -y python3-nbclient python3-nbformat python3-ipykernel). ${result.stderr}`,
    );
  }
}

/** What one notebook gave: nbformat's validation error (null when valid), and the text its cells printed. */
export interface NotebookResult {
  readonly invalid: string | null;
  readonly printed: string;
}

// Validates each notebook against nbformat's schema, then executes it in a python3 kernel (nbclient).
const RUNNER = `
import json, sys, traceback
import nbformat
from nbclient import NotebookClient
out = {}
for f in sys.argv[1:]:
    nb = nbformat.read(f, as_version=4)
    try:
        nbformat.validate(nb)
        invalid = None
    except nbformat.ValidationError as e:
        invalid = str(e)[:2000]
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3").execute()
        printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        out[f] = {"invalid": invalid, "printed": printed}
    except BaseException:
        out[f] = {"error": traceback.format_exc()[-4000:]}
print(json.dumps(out))
`;

/** Writes the notebooks to a temporary folder, validates and executes them in one Python process, and returns each one's result by name. */
export function runNotebooks(notebooks: Readonly<Record<string, string>>): Record<string, NotebookResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-notebooks-'));
  const files = Object.entries(notebooks).map(([name, text]) => {
    const file = path.join(dir, `${name}.ipynb`);
    writeFileSync(file, text);
    return [name, file] as const;
  });
  const run = spawnSync(PYTHON, ['-c', RUNNER, ...files.map(([, f]) => f)], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 26, cwd: dir });
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`Python failed (exit ${run.status}, ${run.error?.message ?? 'no spawn error'}):\n${run.stderr}`);
  const out = JSON.parse(run.stdout) as Record<string, NotebookResult & { error?: string }>;
  const results: Record<string, NotebookResult> = {};
  for (const [name, file] of files) {
    const r = out[file];
    if (!r || r.error !== undefined) throw new Error(`The notebook ${name} failed:\n${r?.error ?? 'no output'}`);
    results[name] = r;
  }
  return results;
}
