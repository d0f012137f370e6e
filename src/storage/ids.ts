/** A fresh unique id for a stored row (ids identify rows; they never feed a result). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
