// What a teacher's new version changed, in words for the students' notice: "learning rate → 1".

interface StepLike {
  id?: unknown;
  kind?: unknown;
  params?: unknown;
}

/** "learningRate" → "learning rate". */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

function paramsOf(step: StepLike | undefined): Record<string, unknown> {
  const p = step?.params;
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

/** The changes from `before` to `after` (plain pipeline specs), at most `limit` of them, e.g. ["learning rate → 1"]. */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown>, limit = 3): string[] {
  const out: string[] = [];
  if (before?.seed !== after.seed) out.push(`seed → ${String(after.seed)}`);
  const old = new Map(((before?.steps as StepLike[] | undefined) ?? []).map((s) => [s.id, s]));
  const steps = Array.isArray(after.steps) ? (after.steps as StepLike[]) : [];
  for (const step of steps) {
    const prev = old.get(step.id);
    if (!prev) {
      out.push(`step ${String(step.id)} added`);
      continue;
    }
    const a = paramsOf(prev);
    for (const [key, value] of Object.entries(paramsOf(step))) {
      if (JSON.stringify(a[key]) !== JSON.stringify(value)) out.push(`${words(key)} → ${JSON.stringify(value)}`);
    }
  }
  for (const id of old.keys()) if (!steps.some((s) => s.id === id)) out.push(`step ${String(id)} removed`);
  return out.length > limit ? [...out.slice(0, limit), `${out.length - limit} more`] : out;
}
