// Progressive enhancement for the sign-up form; every step works without it.
// After a submit with errors, focus goes to the error summary so that screen
// readers read it first; after removing a participant, to the notice that says so.
(function () {
  var target = document.querySelector('[data-error-summary]') || document.querySelector('[data-focus-on-load]');
  if (target && typeof target.focus === 'function') target.focus();
})();
