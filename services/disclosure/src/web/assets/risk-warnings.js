// Consumer risk warnings (/risk-warnings): those in force, then the withdrawn ones.
import { api, loadFacets } from './api.js';
import { esc, fieldRow, platformLabel, shanghaiDate } from './format.js';
import { colon, t } from './i18n.js';
import { main, setTitle } from './page.js';
import { pager } from './pager.js';

function riskProduct(w) {
  return (w.brand ? w.brand + ' ' : '') + w.sampleName + (w.specModel ? ' ' + w.specModel : '');
}

export function renderRiskWarnings(params) {
  return loadFacets().then(function () {
    var page = params.get('page') || '1';
    return Promise.all([
      api('/public/risk-warnings?pageSize=20&page=' + encodeURIComponent(page)),
      api('/public/risk-warnings?status=withdrawn&pageSize=20'),
    ]).then(function (loaded) {
      var list = loaded[0];
      var withdrawn = loaded[1];
      main().innerHTML =
        '<h1>' +
        esc(t('riskTitle')) +
        '</h1><p>' +
        esc(t('riskIntro')) +
        '</p>' +
        (list.items.length === 0 ? '<p>' + esc(t('noRisk')) + '</p>' : '') +
        '<ol class="result-list" id="risk-list">' +
        list.items
          .map(function (w) {
            return (
              '<li class="result-card" id="risk-' +
              esc(w.id) +
              '"><article><h2>' +
              esc(w.title) +
              '</h2><dl class="fields">' +
              fieldRow(t('riskProduct'), esc(riskProduct(w))) +
              fieldRow(t('riskProducer'), esc(w.producerName || '—')) +
              (w.producerUnifiedSocialCreditCode
                ? fieldRow(t('riskProducerCode'), esc(w.producerUnifiedSocialCreditCode))
                : '') +
              fieldRow(t('seller'), esc(w.sellerName)) +
              fieldRow(t('platform'), esc(platformLabel(w.platformName))) +
              fieldRow(t('riskItems'), esc(w.failingItems.join('、') || '—')) +
              fieldRow(t('riskText'), esc(w.risk)) +
              fieldRow(t('riskAdvice'), esc(w.advice)) +
              fieldRow(t('riskIssuedBy'), esc(w.issuedBy)) +
              fieldRow(t('riskIssuedAt'), esc(shanghaiDate(w.issuedAt))) +
              '</dl></article></li>'
            );
          })
          .join('') +
        '</ol>' +
        pager('/risk-warnings', params, list.page, Math.max(1, Math.ceil(list.total / list.pageSize))) +
        (withdrawn.items.length === 0
          ? ''
          : '<h2>' +
            esc(t('riskWithdrawnTitle')) +
            '</h2><ul class="result-list" id="risk-withdrawn-list">' +
            withdrawn.items
              .map(function (w) {
                return (
                  '<li class="result-card"><p><strong>' +
                  esc(w.title) +
                  '</strong> <span class="badge badge-status">' +
                  esc(t('riskWithdrawnOn', { d: shanghaiDate(w.withdrawnAt) })) +
                  '</span></p><p>' +
                  esc(t('reason')) +
                  colon() +
                  esc(w.withdrawalReason || '—') +
                  '</p></li>'
                );
              })
              .join('') +
            '</ul>');
      setTitle(t('riskTitle'));
    });
  });
}
