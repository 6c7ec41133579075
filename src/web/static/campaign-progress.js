// Progressive enhancement of a mailing's progress page: while mails wait in
// the outbox, poll the counts and update them in place; when nothing waits
// any more, load the page once so the delivery log shows the outcome.
// Without this file the page's Refresh link does the same by hand.
(function () {
  'use strict';
  var section = document.querySelector('[data-campaign-progress]');
  if (!section || section.getAttribute('data-busy') !== 'true' || !window.fetch) return;
  var url = section.getAttribute('data-campaign-progress');
  var bar = section.querySelector('progress');
  var summary = section.querySelector('[data-summary]');
  var template = summary ? summary.textContent : '';
  var lastSent = null;

  function show(counts) {
    ['queued', 'sent', 'failed'].forEach(function (name) {
      var cell = section.querySelector('[data-count="' + name + '"]');
      if (cell) cell.textContent = String(counts[name]);
    });
    if (bar) {
      bar.max = Math.max(1, counts.total);
      bar.value = counts.sent + counts.failed;
      bar.textContent = counts.sent + counts.failed + ' / ' + counts.total;
    }
    // The summary is "Sendt 3 af 10": only the first number changes. It is a
    // live region, so update it only when the number did, to keep it quiet.
    if (summary && counts.sent !== lastSent) {
      lastSent = counts.sent;
      summary.textContent = template.replace(/\d+/, String(counts.sent));
    }
  }

  function poll() {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (counts) {
        show(counts);
        if (counts.queued > 0) window.setTimeout(poll, 2000);
        else window.location.reload();
      })
      .catch(function () {
        // Try again later; the Refresh link still works.
        window.setTimeout(poll, 10000);
      });
  }

  window.setTimeout(poll, 1500);
})();
