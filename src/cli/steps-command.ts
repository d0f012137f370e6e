import type { ParamSchema } from '../core/params';
import { searchSteps } from '../core/step-search';
import { ALL_STEPS } from '../steps/registry';
import { CliInputError } from './cli-error';

/**
 * Lists the step kinds with their params and keywords, as text or JSON; with `search`, only
 * those whose kind, label or keywords match it (as the palette's filter does).
 */
export function listSteps(json: boolean, search = ''): string {
  const steps = searchSteps(ALL_STEPS, search);
  if (search.trim() !== '' && steps.length === 0) {
    throw new CliInputError(`steps: no step matches "${search}". Run "pipelab steps" to see them all.`);
  }
  if (json) {
    const plain = steps.map(({ kind, version, category, label, help, keywords, params, usesRandomness }) => ({
      kind, version, category, label, help, keywords: keywords ?? [], usesRandomness, params,
    }));
    return JSON.stringify(plain, null, 2);
  }
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(`${step.kind}  (${step.category}, v${step.version})  ${step.label}`);
    lines.push(`    ${step.help}`);
    if (step.keywords?.length) lines.push(`    also known as: ${step.keywords.join(', ')}`);
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
