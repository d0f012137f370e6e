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

/**
 * Params a step gained after documents without them were saved, with the value that
 * reproduces what those documents meant (which can differ from the default a new step
 * gets). Every saved document holds every param (restore fills them), so an absent one
 * means a document from before the param existed.
 */
const ADDED_PARAMS: Readonly<Record<string, Readonly<Record<string, string | number | boolean>>>> = {
  // Logistic regression v2 added `solver` with default lbfgs; older documents trained with Adam epochs.
  'model.logistic-regression': { solver: 'adam' },
};

/** The params `kind` gained later, with the values documents saved before them restore to. */
export function addedParams(kind: string): Readonly<Record<string, string | number | boolean>> {
  return ADDED_PARAMS[kind] ?? {};
}

/** The oldest format version a table can upgrade from (1 when it has no entry below it). */
export function oldestVersion(migrations: Migrations): number {
  return Math.min(1, ...Object.keys(migrations).map(Number));
}

/** Applies every migration from `fromVersion` up to the current version. */
export function migratePipeline(doc: Doc, fromVersion: number, migrations: Migrations = PIPELINE_MIGRATIONS): Doc {
  let current = doc;
  for (let v = fromVersion; migrations[v]; v++) current = { ...migrations[v](current), version: v + 1 };
  return fillAddedParams(current);
}

function fillAddedParams(doc: Doc): Doc {
  if (!Array.isArray(doc.steps)) return doc;
  const steps = doc.steps.map((step: unknown) => {
    if (!isObject(step) || typeof step.kind !== 'string') return step;
    const added = ADDED_PARAMS[step.kind];
    const params = step.params ?? {};
    if (!added || !isObject(params)) return step;
    const missing = Object.fromEntries(Object.entries(added).filter(([key]) => !(key in params)));
    return Object.keys(missing).length ? { ...step, params: { ...missing, ...params } } : step;
  });
  return { ...doc, steps };
}

function isObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
