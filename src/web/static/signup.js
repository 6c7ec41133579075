// Progressive enhancement for the sign-up form; every step works without it.
// After a submit with errors, focus goes to the error summary so that screen
// readers read it first; after removing a participant, to the notice that says
// so. A link in the summary moves focus to its field (a plain link only scrolls).
(function () {
  var summary = document.querySelector('[data-error-summary]');
  var target = summary || document.querySelector('[data-focus-on-load]');
  if (target && typeof target.focus === 'function') target.focus();
  if (!summary) return;
  summary.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!link) return;
    var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!field || typeof field.focus !== 'function') return;
    event.preventDefault();
    var group = field.closest ? field.closest('.form-group') : null;
    (group || field).scrollIntoView();
    field.focus({ preventScroll: true });
    if (window.history && window.history.replaceState) window.history.replaceState(null, '', link.getAttribute('href'));
  });
})();

// "Jeg deltager selv": ticking the box fills participant 1's name and e-mail
// from step 1 in place; without this script the server copies them when the
// step is sent.
(function () {
  var box = document.querySelector('[data-booker-participates]');
  if (!box) return;
  var input = box.querySelector('input[type="checkbox"]');
  var name = document.getElementById('participants-0-name');
  var email = document.getElementById('participants-0-email');
  if (!input || !name || !email) return;
  input.addEventListener('change', function () {
    if (!input.checked) return;
    name.value = box.getAttribute('data-booker-name') || '';
    email.value = box.getAttribute('data-booker-email') || '';
  });
})();
