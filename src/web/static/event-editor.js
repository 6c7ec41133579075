// Progressive enhancement of the event editor's sections: "add a row" copies
// the section's empty row (a <template> the server rendered) into the form
// with the next number, and moves focus to its first field, without a reload
// and without touching what is typed. Without this file the same button
// posts the section, which comes back with the row added and the input kept.
(function () {
  'use strict';
  var form = document.getElementById('section-form');
  if (!form || !('content' in document.createElement('template'))) return;

  function addRow(list) {
    var rows = form.querySelector('[data-rows="' + list + '"]');
    var template = form.querySelector('template[data-row-template="' + list + '"]');
    if (!rows || !template) return false;
    var index = rows.querySelectorAll('[data-row]').length;
    var html = template.innerHTML.replace(/__i__/g, String(index)).replace(/__n__/g, String(index + 1));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    if (!row) return false;
    rows.appendChild(row);
    var first = row.querySelector('input:not([type="hidden"]), select, textarea');
    if (first) first.focus();
    var status = form.querySelector('[data-row-status="' + list + '"]');
    if (status) status.textContent = status.getAttribute('data-added') || '';
    return true;
  }

  form.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button[data-add-row]') : null;
    if (!button) return;
    if (addRow(button.getAttribute('data-add-row'))) event.preventDefault();
  });
})();
