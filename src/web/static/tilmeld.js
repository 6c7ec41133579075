// Progressive enhancement only: every page works without this file.
// The header's "Menu" button is hidden until the design system's script can open the drawer it controls.
for (const button of document.querySelectorAll('.js-menu-open[hidden]')) button.hidden = false;
if (window.DKFDS) window.DKFDS.init();

// Logging out forgets what the check-in page kept on this device for use
// offline (its pages and participant lists: names and organisations). Scans
// not yet sent stay queued and go out after the next login.
for (const form of document.querySelectorAll('form.tilmeld-logout')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const key of Object.keys(window.localStorage)) if (key.startsWith('tilmeld-checkin-list-')) window.localStorage.removeItem(key);
    const forget = window.caches
      ? window.caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('tilmeld-checkin')).map((n) => window.caches.delete(n))))
      : Promise.resolve();
    const atMostASecond = new Promise((resolve) => setTimeout(resolve, 1000));
    Promise.race([forget, atMostASecond]).finally(() => form.submit());
  });
}
