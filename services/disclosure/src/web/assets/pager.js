// The pager under a list: previous, page p of n, next.
import { esc } from './format.js';
import { t } from './i18n.js';

export function pager(base, params, current, pages) {
  var link = function (page, label, rel) {
    var q = new URLSearchParams(params.toString());
    q.set('page', String(page));
    var disabled = page < 1 || page > pages;
    return (
      '<a href="' +
      base +
      '?' +
      esc(q.toString()) +
      '" data-link rel="' +
      rel +
      '"' +
      (disabled ? ' aria-disabled="true" tabindex="-1"' : '') +
      '>' +
      esc(label) +
      '</a>'
    );
  };
  return (
    '<nav class="pager" aria-label="' +
    esc(t('pagination')) +
    '">' +
    link(current - 1, t('prev'), 'prev') +
    '<span>' +
    esc(t('page', { p: current, n: pages })) +
    '</span>' +
    link(current + 1, t('next'), 'next') +
    '</nav>'
  );
}
