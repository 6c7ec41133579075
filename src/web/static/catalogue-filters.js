// Progressive enhancement: on a phone the catalogue's filters start folded
// (the button says how many are in use), so the results come first. Runs
// before DKFDS.init, which then sets up the accordion in this state. Without
// JavaScript the filters stay open.
(function () {
  if (!window.matchMedia || !window.matchMedia('(max-width: 991px)').matches) return;
  var button = document.querySelector('.tilmeld-filter-accordion .accordion-button');
  var content = button && document.getElementById(button.getAttribute('aria-controls'));
  if (!content) return;
  button.setAttribute('aria-expanded', 'false');
  content.setAttribute('aria-hidden', 'true');
})();
