/**
 * Makes the check-in screen installable and available offline: links the web app manifest, registers the
 * service worker (scope /app/) and asks it to keep every app file this page has loaded so far.
 */
export function setUpCheckInPwa() {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/app/checkin.webmanifest';
    document.head.appendChild(link);
  }
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/app/sw.js', { scope: '/app/' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => new URL(u).origin === location.origin && new URL(u).pathname.startsWith('/app/'));
      reg.active?.postMessage({ type: 'cache-urls', urls: [...new Set([...urls, location.pathname])] });
    })
    .catch(() => undefined);
}
