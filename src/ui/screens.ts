// The editor and the class board load on first use (each a lazy chunk), so the start page
// (the gallery) carries neither; both are fetched in the background once the app is ready.

type WorkbenchModule = typeof import('./Workbench.svelte');
type ClassBoardModule = typeof import('./class/ClassBoard.svelte');

let workbench: Promise<WorkbenchModule> | null = null;
let classBoard: Promise<ClassBoardModule> | null = null;

/** A load that is remembered once it succeeds, and tried again after a failure (a network blip). */
function remembered<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
  return load().catch((err: unknown) => {
    forget();
    throw err;
  });
}

/** The editor screen's component module (loaded once, then reused). */
export function loadWorkbench(): Promise<WorkbenchModule> {
  return (workbench ??= remembered(() => import('./Workbench.svelte'), () => (workbench = null)));
}

/** The class board screen's component module (loaded once, then reused). */
export function loadClassBoard(): Promise<ClassBoardModule> {
  return (classBoard ??= remembered(() => import('./class/ClassBoard.svelte'), () => (classBoard = null)));
}

/** Starts loading both screens without waiting (after the start page is up). */
export function prefetchScreens(): void {
  void loadWorkbench().catch(() => undefined);
  void loadClassBoard().catch(() => undefined);
}
