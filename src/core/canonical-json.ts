/**
 * Canonical JSON: object keys sorted, no whitespace, numbers as ECMAScript prints
 * them. The same value gives the same string on every engine, so it can be hashed.
 * Non-finite numbers and undefined values are rejected rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) explain(value, ''); // throws, naming where the value JSON cannot hold is
  return text as string;
}

/** The canonical JSON of `value`, or undefined when some part of it has no JSON form. */
function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function writeArray(items: unknown[]): string | undefined {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = i in items ? write(items[i]) : ''; // a hole prints as nothing, as Array.prototype.join prints it
    if (item === undefined) return undefined;
    out += i ? ',' + item : item;
  }
  return out + ']';
}

function writeObject(obj: Record<string, unknown>): string | undefined {
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (const key of keys) {
    if (obj[key] === undefined) continue;
    const item = write(obj[key]);
    if (item === undefined) return undefined;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + item;
  }
  return out + '}';
}

/** Walks `value` in the order `write` does and throws at the first part JSON cannot hold, naming its path. */
function explain(value: unknown, path: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`canonicalJson: ${path || 'value'} is ${value}, which JSON cannot hold`);
  }
  if (value === null || ['boolean', 'string', 'number'].includes(typeof value)) return;
  if (typeof value !== 'object') throw new TypeError(`canonicalJson: ${path || 'value'} is a ${typeof value}, which JSON cannot hold`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => explain(item, `${path}[${i}]`));
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj).sort()) if (obj[key] !== undefined) explain(obj[key], path ? `${path}.${key}` : key);
}
