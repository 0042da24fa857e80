// The result list (/): free text, category, platform, region, verdict and period filters in the
// URL, and paging.
import { api, loadFacets } from './api.js';
import {
  categoryLabel,
  esc,
  facetLists,
  platformLabel,
  selectField,
  statusBadge,
  verdictBadge,
} from './format.js';
import { colon, t } from './i18n.js';
import { bindFilterForm, main, setTitle } from './page.js';
import { pager } from './pager.js';

export function renderList(params) {
  return loadFacets().then(function (f) {
    var lists = facetLists(f);
    var query = new URLSearchParams();
    ['q', 'category', 'platform', 'region', 'verdict', 'period', 'page'].forEach(function (k) {
      if (params.get(k)) query.set(k, params.get(k));
    });
    query.set('pageSize', '10');
    return api('/public/results?' + query.toString()).then(function (page) {
      var pages = Math.max(1, Math.ceil(page.total / page.pageSize));
      var html =
        '<h1>' +
        esc(t('resultsTitle')) +
        '</h1>' +
        '<form class="filters" role="search" id="result-filters" action="/" method="get">' +
        '<div class="field field-q"><label for="f-q">' +
        esc(t('search')) +
        '</label><input id="f-q" name="q" type="search" value="' +
        esc(params.get('q') || '') +
        '" placeholder="' +
        esc(t('searchHint')) +
        '" aria-describedby="f-q-hint" /><span id="f-q-hint" class="summary">' +
        esc(t('searchHint')) +
        '</span></div>' +
        selectField('f-category', 'category', t('category'), lists.category, params.get('category')) +
        selectField('f-platform', 'platform', t('platform'), lists.platform, params.get('platform')) +
        selectField('f-region', 'region', t('region'), lists.region, params.get('region')) +
        selectField(
          'f-verdict',
          'verdict',
          t('verdict'),
          [
            { value: 'fail', label: t('fail') },
            { value: 'pass', label: t('pass') },
          ],
          params.get('verdict'),
        ) +
        selectField('f-period', 'period', t('period'), lists.period, params.get('period')) +
        '<div class="actions"><button class="primary" type="submit">' +
        esc(t('submit')) +
        '</button><a href="/" data-link>' +
        esc(t('reset')) +
        '</a></div></form>' +
        '<p class="summary" id="result-count" role="status" aria-live="polite">' +
        esc(t('found', { n: page.total })) +
        '</p>';
      if (page.items.length === 0) html += '<p>' + esc(t('none')) + '</p>';
      html +=
        '<ol class="result-list" id="result-list">' +
        page.items
          .map(function (r) {
            return (
              '<li class="result-card"><article aria-labelledby="r-' +
              esc(r.id) +
              '"><h2 id="r-' +
              esc(r.id) +
              '"><a href="/results/' +
              esc(r.id) +
              '" data-link>' +
              esc(r.sampleName) +
              ' · ' +
              esc(r.sellerName) +
              '</a></h2><p class="meta">' +
              verdictBadge(r.verdict) +
              statusBadge(r.status) +
              '<span>' +
              esc(categoryLabel(r.category)) +
              '</span><span>' +
              esc(platformLabel(r.platform)) +
              '</span><span>' +
              esc(r.regionName || '') +
              '</span><span>' +
              esc(t('resultDate')) +
              ' ' +
              esc(r.resultDate) +
              '</span></p>' +
              (r.mainNonconformingItems.length
                ? '<p class="meta">' +
                  esc(t('items')) +
                  colon() +
                  esc(r.mainNonconformingItems.join('、')) +
                  '</p>'
                : '') +
              '</article></li>'
            );
          })
          .join('') +
        '</ol>';
      html += pager('/', params, page.page, pages);
      main().innerHTML = html;
      setTitle(t('resultsTitle'));
      bindFilterForm('result-filters', '/');
    });
  });
}
