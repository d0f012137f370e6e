import { isShareFragment } from './share-key';

/** The share fragment of the page's address, if it has one (only share/ touches location). */
export function currentShareFragment(loc: Location = globalThis.location): string | null {
  const hash = loc?.hash ?? '';
  return isShareFragment(hash) ? hash.slice(1) : null;
}

/** Removes the share fragment from the address bar without reloading (the link stays in history). */
export function clearShareFragment(loc: Location = globalThis.location, history: History = globalThis.history): void {
  if (loc && history && isShareFragment(loc.hash)) history.replaceState(null, '', loc.pathname + loc.search);
}

/** The app's own address (for building links). */
export function appBaseUrl(loc: Location = globalThis.location): string {
  return `${loc.origin}${loc.pathname}`;
}

/** Calls `onShare` whenever the address changes to a share link (a link pasted into the open app). */
export function watchShareLinks(onShare: (fragment: string) => void, target: Window = globalThis.window): () => void {
  const listener = () => {
    const fragment = currentShareFragment(target.location);
    if (fragment) onShare(fragment);
  };
  target.addEventListener('hashchange', listener);
  return () => target.removeEventListener('hashchange', listener);
}

/** The result-code fragment of the page's address (`#result=…`, a student's hand-in), if it has one. */
export function currentResultFragment(loc: Location = globalThis.location): string | null {
  const hash = loc?.hash ?? '';
  return hash.startsWith('#result=') ? hash.slice(1) : null;
}

/** Removes a result-code fragment from the address bar without reloading. */
export function clearResultFragment(loc: Location = globalThis.location, history: History = globalThis.history): void {
  if (loc && history && loc.hash.startsWith('#result=')) history.replaceState(null, '', loc.pathname + loc.search);
}

/** Calls `onResult` whenever the address changes to a result-code link (a student's link clicked while the app is open). */
export function watchResultLinks(onResult: (fragment: string) => void, target: Window = globalThis.window): () => void {
  const listener = () => {
    const fragment = currentResultFragment(target.location);
    if (fragment) onResult(fragment);
  };
  target.addEventListener('hashchange', listener);
  return () => target.removeEventListener('hashchange', listener);
}

/** Whether the address asks for presentation mode (`?present`). */
export function presentRequested(loc: Location | undefined = globalThis.location): boolean {
  return Boolean(loc && new URLSearchParams(loc.search).has('present'));
}

/** Adds or removes `?present` in the address bar without reloading, so a bookmark keeps the mode. */
export function setPresentParam(on: boolean, loc: Location | undefined = globalThis.location, history: History | undefined = globalThis.history): void {
  if (!loc || !history) return;
  const params = new URLSearchParams(loc.search);
  if (on === params.has('present')) return;
  if (on) params.set('present', '');
  else params.delete('present');
  const query = params.toString().replace(/=(&|$)/g, '$1');
  history.replaceState(history.state, '', loc.pathname + (query ? `?${query}` : '') + loc.hash);
}
