// The editor and the class board load on first use (each a lazy chunk), so the start page
// (the gallery) carries neither; both are fetched in the background once the app is ready.

let workbench: Promise<typeof import('./Workbench.svelte')> | null = null;
let classBoard: Promise<typeof import('./class/ClassBoard.svelte')> | null = null;

/** The editor screen's component module (loaded once, then reused). */
export function loadWorkbench(): Promise<typeof import('./Workbench.svelte')> {
  return (workbench ??= import('./Workbench.svelte'));
}

/** The class board screen's component module (loaded once, then reused). */
export function loadClassBoard(): Promise<typeof import('./class/ClassBoard.svelte')> {
  return (classBoard ??= import('./class/ClassBoard.svelte'));
}

/** Starts loading both screens without waiting (after the start page is up). */
export function prefetchScreens(): void {
  void loadWorkbench().catch(() => undefined);
  void loadClassBoard().catch(() => undefined);
}
