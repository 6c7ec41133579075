// Progressive enhancement of the event editor's sections: "add a row" copies
// the list's empty row (a <template> the server rendered) into the form
// with the next number, and moves focus to its first field, without a reload
// and without touching what is typed. Without this file the same button
// posts the section, which comes back with the row added and the input kept.
// A night-or-meal row shows only the fields its kind uses (night and room,
// or day); without this file all of them show, each with a hint.
(function () {
  'use strict';
  var form = document.getElementById('section-form');
  if (!form || !('content' in document.createElement('template'))) return;

  // A template's row numbers with its own placeholders, so a list's template can sit inside another's (an add-on's nights and meals).
  function escapeToken(token) {
    return new RegExp(token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  }

  function ownRows(rows) {
    var n = 0;
    for (var k = 0; k < rows.children.length; k++) if (rows.children[k].hasAttribute('data-row')) n++;
    return n;
  }

  function showKindFields(select) {
    var row = select.closest('[data-row]');
    if (!row) return;
    var kind = select.value === '' ? '' : select.value === 'night' ? 'night' : 'meal';
    var groups = row.querySelectorAll('[data-inclusion-for]');
    for (var k = 0; k < groups.length; k++) groups[k].hidden = groups[k].getAttribute('data-inclusion-for') !== kind;
  }

  function showAllKindFields(root) {
    var selects = root.querySelectorAll('select[data-inclusion-kind]');
    for (var k = 0; k < selects.length; k++) showKindFields(selects[k]);
  }

  function addRow(list) {
    var rows = form.querySelector('[data-rows="' + list + '"]');
    var template = form.querySelector('template[data-row-template="' + list + '"]');
    if (!rows || !template) return false;
    var index = ownRows(rows);
    var html = template.innerHTML
      .replace(escapeToken(template.getAttribute('data-index-token') || '__i__'), String(index))
      .replace(escapeToken(template.getAttribute('data-number-token') || '__n__'), String(index + 1));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    if (!row) return false;
    rows.appendChild(row);
    showAllKindFields(row);
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
  form.addEventListener('change', function (event) {
    if (event.target && event.target.matches && event.target.matches('select[data-inclusion-kind]')) showKindFields(event.target);
  });
  showAllKindFields(form);
})();
