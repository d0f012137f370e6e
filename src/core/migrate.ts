/**
 * Upgrades older pipeline documents, one format version at a time, to the current
 * version. Each entry turns a document of version N into one of version N + 1.
 * Step kinds are never renamed: a rename is a migration here.
 */
type Doc = Record<string, unknown>;

/** A migration table: the entry at N turns a document of version N into one of version N + 1. */
export type Migrations = Readonly<Record<number, (doc: Doc) => Doc>>;

/** pipelab's own migrations (restore uses them unless a test passes its own). */
export const PIPELINE_MIGRATIONS: Migrations = {
  // 1 → 2 goes here when the format changes.
};

/** The oldest format version a table can upgrade from (1 when it has no entry below it). */
export function oldestVersion(migrations: Migrations): number {
  return Math.min(1, ...Object.keys(migrations).map(Number));
}

/** Applies every migration from `fromVersion` up to the current version. */
export function migratePipeline(doc: Doc, fromVersion: number, migrations: Migrations = PIPELINE_MIGRATIONS): Doc {
  let current = doc;
  for (let v = fromVersion; migrations[v]; v++) current = { ...migrations[v](current), version: v + 1 };
  return current;
}
