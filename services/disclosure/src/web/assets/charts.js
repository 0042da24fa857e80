// The statistics charts (Apache ECharts, loaded before this module by its own script tag).
import { t } from './i18n.js';

/** The charts on the page, disposed of before the next section is drawn. */
var charts = [];

export function resizeCharts() {
  charts.forEach(function (c) {
    c.resize();
  });
}

export function disposeCharts() {
  charts.forEach(function (c) {
    c.dispose();
  });
  charts = [];
}

function chart(id) {
  if (typeof echarts === 'undefined') return null;
  var c = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  charts.push(c);
  return c;
}

function pct(x) {
  return x === null || x === undefined ? null : Math.round(x * 1000) / 10;
}

/** The breakdown's bars (the pass rate) with its interval bounds; `labels` name the rows. */
export function drawBreakdown(labels, rows) {
  var c = chart('chart-breakdown');
  if (!c) return;
  c.setOption({
    animation: false,
    color: ['#0b4f9c', '#a1121a', '#a1121a'],
    tooltip: {
      trigger: 'axis',
      valueFormatter: function (v) {
        return v === null ? '—' : v + '%';
      },
    },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('passRate'),
        type: 'bar',
        data: rows.map(function (r) {
          return r.passRate ? pct(r.passRate.value) : null;
        }),
      },
      {
        name: t('low'),
        type: 'line',
        symbol: 'triangle',
        symbolSize: 10,
        lineStyle: { width: 0 },
        data: rows.map(function (r) {
          return r.passRate ? pct(r.passRate.low) : null;
        }),
      },
      {
        name: t('high'),
        type: 'line',
        symbol: 'triangle',
        symbolRotate: 180,
        symbolSize: 10,
        lineStyle: { width: 0 },
        data: rows.map(function (r) {
          return r.passRate ? pct(r.passRate.high) : null;
        }),
      },
    ],
  });
}

export function drawTrend(rows) {
  var c = chart('chart-trend');
  if (!c) return;
  var value = function (key, bound) {
    return rows.map(function (r) {
      return r[key] ? pct(r[key][bound]) : null;
    });
  };
  var low = value('passRate', 'low');
  var high = value('passRate', 'high');
  c.setOption({
    animation: false,
    color: ['#0b4f9c', '#a1121a', '#8a6100', '#0b4f9c', '#9dbbe0'],
    tooltip: {
      trigger: 'axis',
      valueFormatter: function (v) {
        return v === null ? '—' : v + '%';
      },
    },
    legend: { top: 0, data: [t('passRate'), t('detectionRate'), t('threeNoRate'), t('ci')] },
    grid: { left: 48, right: 16, top: 48, bottom: 40 },
    xAxis: {
      type: 'category',
      data: rows.map(function (r) {
        return r.key;
      }),
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('passRate'), type: 'line', data: value('passRate', 'value'), symbolSize: 8 },
      {
        name: t('detectionRate'),
        type: 'line',
        data: value('detectionRate', 'value'),
        symbol: 'rect',
        symbolSize: 8,
      },
      {
        name: t('threeNoRate'),
        type: 'line',
        data: value('threeNoRate', 'value'),
        symbol: 'diamond',
        symbolSize: 8,
        lineStyle: { type: 'dashed' },
      },
      // the pass rate's interval as a band: an invisible lower line and the width stacked on it
      {
        name: 'ci-base',
        type: 'line',
        data: low,
        stack: 'ci',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name: t('ci'),
        type: 'line',
        stack: 'ci',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(11, 79, 156, 0.18)' },
        data: high.map(function (h, i) {
          return h === null || low[i] === null ? null : Math.round((h - low[i]) * 10) / 10;
        }),
      },
    ],
  });
}
