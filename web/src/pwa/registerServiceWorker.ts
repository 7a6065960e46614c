/**
 * Installs /sw.js (web/public/sw.js): the offline page and the app shell's static files, never API
 * data. Production builds only, so the dev server's modules are never cached.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // Without a worker the app still works online; there is nothing to tell the user.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
