// Corrections and withdrawals (/revisions).
import { api, loadFacets } from './api.js';
import { esc, shanghaiDate, verdictBadge } from './format.js';
import { colon, t } from './i18n.js';
import { main, setTitle } from './page.js';
import { pager } from './pager.js';
import { kindLabel } from './result-detail.js';

export function renderRevisions(params) {
  return loadFacets().then(function () {
    var page = params.get('page') || '1';
    return api('/public/revisions?pageSize=20&page=' + encodeURIComponent(page)).then(function (list) {
      main().innerHTML =
        '<h1>' +
        esc(t('revisionsTitle')) +
        '</h1><p>' +
        esc(t('revisionsIntro')) +
        '</p>' +
        (list.items.length === 0 ? '<p>' + esc(t('noRevisions')) + '</p>' : '') +
        '<ol class="result-list" id="revision-list">' +
        list.items
          .map(function (r) {
            return (
              '<li class="result-card"><article><h2><a href="/results/' +
              esc(r.id) +
              '" data-link>' +
              esc(r.sampleName) +
              ' · ' +
              esc(r.sellerName) +
              '</a></h2><p class="meta"><span class="badge badge-status">' +
              esc(kindLabel(r.kind)) +
              '</span>' +
              verdictBadge(r.verdict) +
              '<span>' +
              esc(shanghaiDate(r.publishedAt)) +
              '</span></p><p>' +
              esc(t('reason')) +
              colon() +
              esc(r.reason || '—') +
              '</p></article></li>'
            );
          })
          .join('') +
        '</ol>' +
        pager('/revisions', params, list.page, Math.max(1, Math.ceil(list.total / list.pageSize)));
      setTitle(t('revisionsTitle'));
    });
  });
}
