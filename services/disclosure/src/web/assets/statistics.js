// Statistics (/statistics): figures with their 95% intervals, a breakdown by the chosen dimension
// and a trend.
import { api, loadFacets } from './api.js';
import { drawBreakdown, drawTrend } from './charts.js';
import { categoryLabel, esc, facetLists, percent, selectField } from './format.js';
import { colon, t } from './i18n.js';
import { bindFilterForm, main, setTitle } from './page.js';

var DIMENSIONS = ['category', 'platform', 'province', 'city', 'district', 'quarter', 'month', 'year'];
var BY_LABEL = {
  category: 'byCategory',
  platform: 'byPlatform',
  province: 'byProvince',
  city: 'byCity',
  district: 'byDistrict',
  month: 'byMonth',
  quarter: 'byQuarter',
  year: 'byYear',
};

function rowLabel(by, row) {
  if (by === 'category' && row.key !== 'all') return categoryLabel(row.key);
  if (row.key === 'none') return t('ownSite');
  if (row.key === 'all') return t('total');
  return row.label;
}

function estimate(e, asIndex) {
  if (!e) return '—';
  var f = asIndex
    ? function (x) {
        return x.toFixed(1);
      }
    : percent;
  return f(e.value) + ' <span class="ci">(' + f(e.low) + '–' + f(e.high) + ')</span>';
}

function kpi(id, label, e, asIndex) {
  return (
    '<div class="kpi" id="' +
    id +
    '"><div>' +
    esc(label) +
    '</div><div class="value">' +
    (e ? (asIndex ? e.value.toFixed(1) : percent(e.value)) : '—') +
    '</div><div class="ci">' +
    esc(t('ci')) +
    colon() +
    (e
      ? asIndex
        ? e.low.toFixed(1) + '–' + e.high.toFixed(1)
        : percent(e.low) + '–' + percent(e.high)
      : '—') +
    '</div></div>'
  );
}

export function renderStatistics(params) {
  return loadFacets().then(function (f) {
    var lists = facetLists(f);
    var by = DIMENSIONS.indexOf(params.get('by')) >= 0 ? params.get('by') : 'category';
    var filter = new URLSearchParams();
    ['category', 'platform', 'region', 'period'].forEach(function (k) {
      if (params.get(k)) filter.set(k, params.get(k));
    });
    return Promise.all([
      api('/public/statistics?by=' + by + '&' + filter.toString()),
      api('/public/statistics?by=month&' + filter.toString()),
    ]).then(function (loaded) {
      var stats = loaded[0];
      var trend = loaded[1];
      var total = stats.total;
      var html =
        '<h1>' +
        esc(t('statsTitle')) +
        '</h1><form class="filters" id="stats-filters" action="/statistics" method="get">' +
        '<div class="field"><label for="s-by">' +
        esc(t('by')) +
        '</label><select id="s-by" name="by">' +
        DIMENSIONS.map(function (d) {
          return (
            '<option value="' +
            d +
            '"' +
            (d === by ? ' selected' : '') +
            '>' +
            esc(t(BY_LABEL[d])) +
            '</option>'
          );
        }).join('') +
        '</select></div>' +
        selectField('s-category', 'category', t('category'), lists.category, params.get('category')) +
        selectField('s-platform', 'platform', t('platform'), lists.platform, params.get('platform')) +
        selectField('s-region', 'region', t('region'), lists.region, params.get('region')) +
        selectField('s-period', 'period', t('period'), lists.period, params.get('period')) +
        '<div class="actions"><button class="primary" type="submit">' +
        esc(t('submit')) +
        '</button></div></form>' +
        '<div class="kpis">' +
        '<div class="kpi" id="kpi-tested"><div>' +
        esc(t('tested')) +
        '</div><div class="value">' +
        esc(total.tested) +
        '</div><div class="ci">' +
        esc(t('failed')) +
        ' ' +
        esc(total.failed) +
        ' · ' +
        esc(t('threeNo')) +
        ' ' +
        esc(total.threeNo) +
        '</div></div>' +
        kpi('kpi-pass', t('passRate'), total.passRate) +
        kpi('kpi-detection', t('detectionRate'), total.detectionRate) +
        kpi('kpi-three-no', t('threeNoRate'), total.threeNoRate) +
        kpi('kpi-quality', t('qualityIndex'), total.qualityIndex, true) +
        '</div>' +
        (total.smallSample && total.tested > 0
          ? '<p class="notice-banner">' + esc(t('smallSample')) + '</p>'
          : '') +
        (total.tested === 0 ? '<p>' + esc(t('noData')) + '</p>' : '') +
        '<h2 id="chart-breakdown-title">' +
        esc(t('chartBreakdown')) +
        '</h2><div class="chart" id="chart-breakdown" role="img" aria-labelledby="chart-breakdown-title"></div>' +
        '<h2 id="chart-trend-title">' +
        esc(t('chartTrend')) +
        '</h2><div class="chart" id="chart-trend" role="img" aria-labelledby="chart-trend-title"></div>' +
        '<div class="table-scroll"><table id="stats-table"><caption>' +
        esc(t('tableCaption')) +
        ' · ' +
        esc(t(BY_LABEL[by])) +
        '</caption><thead><tr><th scope="col">' +
        esc(t(BY_LABEL[by])) +
        '</th><th scope="col">' +
        esc(t('tested')) +
        '</th><th scope="col">' +
        esc(t('failed')) +
        '</th><th scope="col">' +
        esc(t('passRate')) +
        '</th><th scope="col">' +
        esc(t('detectionRate')) +
        '</th><th scope="col">' +
        esc(t('threeNoRate')) +
        '</th><th scope="col">' +
        esc(t('qualityIndex')) +
        '</th></tr></thead><tbody>' +
        stats.rows
          .concat([total])
          .map(function (row) {
            var head = row.key === 'all' ? 'th scope="row"' : 'td';
            return (
              '<tr><' +
              head +
              '>' +
              esc(rowLabel(by, row)) +
              (row.smallSample
                ? ' <span title="' +
                  esc(t('smallSample')) +
                  '" aria-label="' +
                  esc(t('smallSample')) +
                  '">*</span>'
                : '') +
              '</' +
              head.split(' ')[0] +
              '><td class="num">' +
              esc(row.tested) +
              '</td><td class="num">' +
              esc(row.failed) +
              '</td><td class="num">' +
              estimate(row.passRate) +
              '</td><td class="num">' +
              estimate(row.detectionRate) +
              '</td><td class="num">' +
              estimate(row.threeNoRate) +
              '</td><td class="num">' +
              estimate(row.qualityIndex, true) +
              '</td></tr>'
            );
          })
          .join('') +
        '</tbody></table></div><p class="summary">* ' +
        esc(t('smallSample')) +
        '</p><p class="summary">' +
        esc(t('method')) +
        '</p><h2>' +
        esc(t('downloads')) +
        '</h2><ul><li><a href="/open-data/statistics.csv?by=' +
        by +
        '&amp;' +
        esc(filter.toString()) +
        '" download>CSV</a></li><li><a href="/open-data/statistics.json?by=' +
        by +
        '&amp;' +
        esc(filter.toString()) +
        '">JSON</a></li></ul>';
      main().innerHTML = html;
      setTitle(t('statsTitle'));
      bindFilterForm('stats-filters', '/statistics');
      drawBreakdown(
        stats.rows.map(function (r) {
          return rowLabel(by, r);
        }),
        stats.rows,
      );
      drawTrend(trend.rows);
    });
  });
}
