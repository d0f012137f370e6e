/** Exit codes of the CLI (DESIGN.md's contract). */
export const EXIT = {
  ok: 0,
  runFailed: 1,
  badInput: 2,
  notReproduced: 3,
} as const;
