// Progressive enhancement only: every page works without this file.
if (window.DKFDS) window.DKFDS.init();
