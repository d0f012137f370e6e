import type { ParamSchema, ParamValue } from '../../core/params';

const MAX_KEY_PARAMS = 2;

/** A short "label value" list of a step's first few number and choice parameters, for a compact card. */
export function keyParams(params: Readonly<Record<string, ParamSchema>>, values: Readonly<Record<string, ParamValue>>): string[] {
  const out: string[] = [];
  for (const [name, schema] of Object.entries(params)) {
    if (out.length === MAX_KEY_PARAMS) break;
    const value = values[name];
    if (schema.type === 'number') out.push(`${schema.label.toLowerCase()} ${value as number}`);
    else if (schema.type === 'choice') out.push(`${schema.options.find((o) => o.value === value)?.label ?? String(value)}`);
    else if (schema.type === 'int-list' && Array.isArray(value)) out.push(`${schema.label.toLowerCase()} ${value.join('-')}`);
  }
  return out;
}
