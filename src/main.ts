// The app's entry point: global styles, the root component, and (in a production build) the service worker.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { AppUpdate } from './ui/state/app-update.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');
const update = new AppUpdate();
mount(App, { target, props: { update } });
// Registered after load, so that downloading the app for offline use does not slow the first start.
window.addEventListener('load', () => {
  void update.start({
    serviceWorker: import.meta.env.PROD ? navigator.serviceWorker : undefined,
    events: window,
    isOnline: () => navigator.onLine,
    reload: () => window.location.reload(),
    every: (ms, fn) => void setInterval(fn, ms),
    scriptUrl: `${import.meta.env.BASE_URL}sw.js`,
  });
});
