/**
 * Upgrades older pipeline documents, one format version at a time, to the current
 * version. Each entry turns a document of version N into one of version N + 1.
 * Step kinds are never renamed: a rename is a migration here.
 */
type Doc = Record<string, unknown>;

const MIGRATIONS: Record<number, (doc: Doc) => Doc> = {
  // 1 → 2 goes here when the format changes.
};

/** Applies every migration from `fromVersion` up to the current version. */
export function migratePipeline(doc: Doc, fromVersion: number): Doc {
  let current = doc;
  for (let v = fromVersion; MIGRATIONS[v]; v++) current = { ...MIGRATIONS[v](current), version: v + 1 };
  return current;
}
