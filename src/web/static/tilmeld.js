// Progressive enhancement only: every page works without this file.
// The header's "Menu" button is hidden until the design system's script can open the drawer it controls.
for (const button of document.querySelectorAll('.js-menu-open[hidden]')) button.hidden = false;
if (window.DKFDS) window.DKFDS.init();
