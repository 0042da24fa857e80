// One result (/results/{id}) with its correction or withdrawal banner and its history.
import { api, loadFacets } from './api.js';
import {
  categoryLabel,
  esc,
  fieldRow,
  platformLabel,
  shanghaiDate,
  statusBadge,
  verdictBadge,
} from './format.js';
import { t } from './i18n.js';
import { main, setTitle } from './page.js';

export function kindLabel(kind) {
  return t(kind === 'result' ? 'kindResult' : kind === 'correction' ? 'kindCorrection' : 'kindWithdrawal');
}

export function renderDetail(id) {
  return Promise.all([loadFacets(), api('/public/results/' + encodeURIComponent(id))]).then(
    function (loaded) {
      var detail = loaded[1];
      if (!detail) {
        main().innerHTML =
          '<h1>' + esc(t('notFound')) + '</h1><p><a href="/" data-link>' + esc(t('back')) + '</a></p>';
        setTitle(t('notFound'));
        return;
      }
      var r = detail.current;
      var shown = r.kind === 'withdrawal' && detail.history[1] ? detail.history[1] : r;
      var banner =
        r.status === 'published'
          ? ''
          : '<p class="notice-banner" role="note">' +
            esc(
              t(r.status === 'withdrawn' ? 'withdrawnBanner' : 'correctedBanner', {
                d: shanghaiDate(r.publishedAt),
                r: r.reason || '',
              }),
            ) +
            '</p>';
      var row = fieldRow;
      var html =
        '<p><a href="/" data-link>← ' +
        esc(t('back')) +
        '</a></p><h1 id="detail-title">' +
        esc(shown.sampleName) +
        ' · ' +
        esc(shown.sellerName) +
        '</h1>' +
        banner +
        '<dl class="fields" id="detail-fields">' +
        row(t('verdict'), verdictBadge(shown.verdict) + statusBadge(r.status)) +
        row(t('seller'), esc(shown.sellerName)) +
        row(t('sampleName'), esc(shown.sampleName)) +
        row(t('claimedBrand'), esc(shown.claimedBrand || '—')) +
        row(t('claimedProducer'), esc(shown.claimedProducer || '—')) +
        row(t('specModel'), esc(shown.specModel || '—')) +
        row(t('productionDate'), esc(shown.productionDate || '—')) +
        row(
          t('items'),
          esc(shown.mainNonconformingItems.length ? shown.mainNonconformingItems.join('、') : '—'),
        ) +
        row(t('platform'), esc(platformLabel(shown.platform))) +
        row(t('platformName'), esc(shown.platformName || '—')) +
        row(t('category'), esc(categoryLabel(shown.category))) +
        row(t('region'), esc(shown.regionName || '—')) +
        row(t('sampledBy'), esc(shown.sampledBy || '—')) +
        row(t('resultDate'), esc(shown.resultDate)) +
        row(t('publishedAt'), esc(shanghaiDate(r.publishedAt))) +
        row(t('publicId'), '<code>' + esc(r.id) + '</code>') +
        '</dl><h2>' +
        esc(t('history')) +
        '</h2><div class="table-scroll"><table id="history"><caption class="sr-only">' +
        esc(t('history')) +
        '</caption><thead><tr><th scope="col">' +
        esc(t('version')) +
        '</th><th scope="col">' +
        esc(t('kind')) +
        '</th><th scope="col">' +
        esc(t('publishedAt')) +
        '</th><th scope="col">' +
        esc(t('verdict')) +
        '</th><th scope="col">' +
        esc(t('reason')) +
        '</th></tr></thead><tbody>' +
        detail.history
          .map(function (v) {
            return (
              '<tr><td class="num">' +
              esc(v.version) +
              '</td><td>' +
              esc(kindLabel(v.kind)) +
              '</td><td>' +
              esc(shanghaiDate(v.publishedAt)) +
              '</td><td>' +
              verdictBadge(v.verdict) +
              '</td><td>' +
              esc(v.reason || '—') +
              '</td></tr>'
            );
          })
          .join('') +
        '</tbody></table></div>';
      main().innerHTML = html;
      setTitle(shown.sampleName + ' · ' + shown.sellerName);
    },
  );
}
