// Public notices (/notices).
import { api, loadFacets } from './api.js';
import { esc, fieldRow, platformLabel, shanghaiDate, verdictBadge } from './format.js';
import { t } from './i18n.js';
import { main, setTitle } from './page.js';
import { pager } from './pager.js';

export function renderNotices(params) {
  return loadFacets().then(function () {
    var page = params.get('page') || '1';
    return api('/public/notices?pageSize=20&page=' + encodeURIComponent(page)).then(function (list) {
      var html =
        '<h1>' +
        esc(t('noticesTitle')) +
        '</h1><p>' +
        esc(t('noticesIntro')) +
        '</p>' +
        (list.items.length === 0 ? '<p>' + esc(t('noNotices')) + '</p>' : '') +
        '<ol class="result-list" id="notice-list">' +
        list.items
          .map(function (n) {
            return (
              '<li class="result-card"><article><h2>' +
              esc(n.sampleName) +
              ' · ' +
              esc(n.sellerName) +
              '</h2><dl class="fields">' +
              fieldRow(t('verdict'), verdictBadge(n.verdict)) +
              fieldRow(t('seller'), esc(n.sellerName)) +
              fieldRow(t('sampleName'), esc(n.sampleName)) +
              fieldRow(t('specModel'), esc(n.specModel || '—')) +
              fieldRow(
                t('listingUrl'),
                '<a href="' +
                  esc(n.listingUrl) +
                  '" rel="nofollow noopener" target="_blank">' +
                  esc(n.listingUrl) +
                  '</a>',
              ) +
              fieldRow(t('orderNumber'), esc(n.orderNumber)) +
              fieldRow(t('platform'), esc(platformLabel(n.platform))) +
              fieldRow(t('publishedAt'), esc(shanghaiDate(n.publishedAt))) +
              '</dl></article></li>'
            );
          })
          .join('') +
        '</ol>' +
        pager('/notices', params, list.page, Math.max(1, Math.ceil(list.total / list.pageSize)));
      main().innerHTML = html;
      setTitle(t('noticesTitle'));
    });
  });
}
