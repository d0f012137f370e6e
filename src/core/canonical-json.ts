/**
 * Canonical JSON: object keys sorted, no whitespace, numbers as ECMAScript prints
 * them. The same value gives the same string on every engine, so it can be hashed.
 * Non-finite numbers and undefined values are rejected rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path || 'value'} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value as Record<string, unknown>, path);
    default:
      throw new TypeError(`canonicalJson: ${path || 'value'} is a ${typeof value}, which JSON cannot hold`);
  }
}

function writeArray(items: unknown[], path: string): string {
  return `[${items.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
}

function writeObject(obj: Record<string, unknown>, path: string): string {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  const parts = keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], path ? `${path}.${k}` : k)}`);
  return `{${parts.join(',')}}`;
}
