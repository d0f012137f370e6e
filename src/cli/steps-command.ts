import type { ParamSchema } from '../core/params';
import { ALL_STEPS } from '../steps/registry';

/** Lists every step kind with its params, as text or JSON. */
export function listSteps(json: boolean): string {
  if (json) {
    const plain = ALL_STEPS.map(({ kind, version, category, label, help, params, usesRandomness }) => ({
      kind, version, category, label, help, usesRandomness, params,
    }));
    return JSON.stringify(plain, null, 2);
  }
  const lines: string[] = [];
  for (const step of ALL_STEPS) {
    lines.push(`${step.kind}  (${step.category}, v${step.version})  ${step.label}`);
    lines.push(`    ${step.help}`);
    for (const [name, schema] of Object.entries(step.params)) lines.push(`    --${name}: ${describeParam(schema)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function describeParam(p: ParamSchema): string {
  switch (p.type) {
    case 'number':
      return `${p.integer ? 'integer' : 'number'} ${p.min}…${p.max}, default ${p.default}`;
    case 'boolean':
      return `true|false, default ${p.default}`;
    case 'choice':
      return `${p.options.map((o) => o.value).join('|')}, default ${p.default}`;
    case 'int-list':
      return `list of ${p.minLength}–${p.maxLength} integers ${p.min}…${p.max}, default [${p.default.join(', ')}]`;
    case 'text':
      return `text${p.pattern ? ` matching ${p.pattern}` : ''}, default "${p.default}"`;
    case 'columns':
      return `list of column names (empty: every suitable column), default [${p.default.join(', ')}]`;
  }
}
