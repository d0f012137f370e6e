import { DATA_HELPERS, type PyHelper } from './python-helpers';
import { METRIC_HELPERS } from './python-metrics';
import { STEP_HELPERS } from './python-steps';

const ALL_HELPERS: Readonly<Record<string, PyHelper>> = { ...DATA_HELPERS, ...STEP_HELPERS, ...METRIC_HELPERS };

/** What a script being written needs: its imports ("module" or "module:name") and helpers, in definition order. */
export class ScriptNeeds {
  readonly imports = new Set<string>(['warnings', 'sklearn.exceptions:ConvergenceWarning']);
  readonly helpers = new Set<string>();

  /** Adds imports. */
  use(...names: string[]): void {
    for (const n of names) this.imports.add(n);
  }

  /** Adds a helper, after the helpers it needs, with their imports. */
  helper(key: string): void {
    if (this.helpers.has(key)) return;
    const h = ALL_HELPERS[key];
    for (const need of h.needs ?? []) this.helper(need);
    this.use(...h.imports);
    this.helpers.add(key);
  }

  /** The helpers' code, each preceded by two blank lines. */
  helperLines(): string[] {
    return [...this.helpers].flatMap((h) => ['', '', ALL_HELPERS[h].code]);
  }

  /** The import lines: plain imports, then numpy, then the from-imports grouped by module. */
  importLines(): string[] {
    const from = new Map<string, string[]>();
    for (const i of [...this.imports].filter((n) => n.includes(':')).sort()) {
      const [module, name] = i.split(':');
      from.set(module, [...(from.get(module) ?? []), name]);
    }
    const plain = [...this.imports].filter((n) => !n.includes(':')).sort().map((m) => `import ${m}`);
    return [...plain, '', 'import numpy as np', ...[...from].map(([m, names]) => `from ${m} import ${names.join(', ')}`)];
  }
}
