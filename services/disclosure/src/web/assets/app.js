/* global document, window, history, location, localStorage, fetch, URLSearchParams, echarts */
// The public disclosure page: plain JavaScript, no build step. It reads only the anonymous JSON
// API (/public/*) and renders results, a result with its history, public notices, consumer risk
// warnings and statistics.
(function () {
  'use strict';

  var TEXT = {
    zh: {
      siteTitle: '网络交易商品质量抽查检验结果公示',
      skip: '跳到主要内容',
      navLabel: '主导航',
      navResults: '结果公示',
      navNotices: '公告通知',
      navRevisions: '更正与撤回',
      revisionsTitle: '更正与撤回',
      revisionsIntro: '已公示结果的更正和撤回记录。每条记录可打开查看该结果的全部公示版本。',
      noRevisions: '暂无更正或撤回。',
      navStatistics: '统计分析',
      navRiskWarnings: '风险警示',
      riskTitle: '消费风险警示',
      riskIntro:
        '对抽检中发现的不合格商品，市场监督管理局经审核发布消费风险警示，提醒消费者注意商品质量安全风险。',
      noRisk: '暂无生效的风险警示。',
      riskProduct: '商品',
      riskProducer: '标称生产者',
      riskProducerCode: '生产者统一社会信用代码',
      riskItems: '不合格项目',
      riskText: '风险提示',
      riskAdvice: '消费提示',
      riskIssuedBy: '发布机关',
      riskIssuedAt: '发布日期',
      riskWithdrawnTitle: '已撤回的风险警示',
      riskWithdrawnOn: '{d} 撤回',
      navOpenData: '开放数据',
      switchTo: 'English',
      switchLabel: 'Switch to English',
      footerNote: '公示信息依据《网络交易商品质量抽查检验操作规程》发布。',
      publisher: '公示单位：',
      resultsTitle: '抽检结果公示',
      search: '关键词',
      searchHint: '经营者、样品、商标、生产者、型号、平台或不合格项目',
      category: '品类',
      platform: '交易平台',
      region: '经营者所在地区',
      verdict: '判定结论',
      period: '期间',
      all: '全部',
      ownSite: '非平台（自建网站）',
      submit: '查询',
      reset: '清除条件',
      found: '共 {n} 条结果',
      none: '没有符合条件的结果。',
      pass: '合格',
      fail: '不合格',
      page: '第 {p} / {n} 页',
      prev: '上一页',
      next: '下一页',
      pagination: '分页',
      details: '查看详情',
      seller: '被抽样网络商品经营者',
      sampleName: '样品名称',
      claimedBrand: '标称商标',
      claimedProducer: '标称生产者名称',
      specModel: '规格型号',
      productionDate: '生产日期',
      items: '主要不合格项目',
      platformName: '第三方交易平台经营者',
      resultDate: '结果日期',
      sampledBy: '抽样单位',
      publishedAt: '公示时间',
      publicId: '公示编号',
      status: '状态',
      published: '已公示',
      corrected: '已更正',
      withdrawn: '已撤回',
      reason: '原因',
      correctedBanner: '本结果已于 {d} 更正。更正原因：{r}',
      withdrawnBanner: '本结果已于 {d} 撤回。撤回原因：{r}',
      history: '公示记录',
      version: '版本',
      kind: '类型',
      kindResult: '首次公示',
      kindCorrection: '更正',
      kindWithdrawal: '撤回',
      back: '返回结果列表',
      notFound: '未找到该公示结果。',
      noticesTitle: '公告通知',
      noticesIntro:
        '因经营者地址不详等原因无法送达检验结果的，现予公告。对检验结果有异议的，可自公告发布之日起十五日内提出书面复检申请。',
      listingUrl: '网络链接',
      orderNumber: '订单编号',
      noNotices: '暂无公告。',
      statsTitle: '抽检统计分析',
      by: '统计维度',
      byCategory: '按品类',
      byPlatform: '按平台',
      byProvince: '按省份',
      byCity: '按城市',
      byDistrict: '按区县',
      byMonth: '按月',
      byQuarter: '按季度',
      byYear: '按年',
      tested: '抽检批次',
      failed: '不合格批次',
      threeNo: '三无产品批次',
      passRate: '合格率',
      detectionRate: '不合格检出率',
      threeNoRate: '三无产品比率',
      qualityIndex: '质量指数',
      ci: '95% 置信区间',
      smallSample: '样本量小（少于 30 批次），请参考置信区间',
      chartBreakdown: '各组合格率及 95% 置信区间',
      chartTrend: '合格率、不合格检出率与三无产品比率趋势',
      low: '区间下限',
      high: '区间上限',
      tableCaption: '统计明细',
      total: '合计',
      noData: '暂无统计数据。',
      method:
        '合格率 = 合格批次 ÷ 抽检批次；不合格检出率 = 不合格批次 ÷ 抽检批次；三无产品指未标注生产者、生产者地址或无产品合格证的产品；质量指数 = 100 ×（0.8 × 合格率 + 0.2 ×（1 − 三无产品比率））。区间为 95% Wilson 置信区间。',
      downloads: '下载数据',
      openDataTitle: '开放数据',
      openDataIntro:
        '公示结果与统计数据可免费下载使用。CSV 文件为带 BOM 的 UTF-8 编码，可直接用电子表格软件打开。',
      resultsCsv: '公示结果（CSV）',
      resultsJson: '公示结果（JSON）',
      statsCsv: '按品类统计（CSV）',
      statsJson: '按品类统计（JSON）',
      riskCsv: '消费风险警示（CSV）',
      schema: '数据字段说明（JSON）',
      error: '数据加载失败，请稍后重试。',
    },
    en: {
      siteTitle: 'Online product quality spot checks: published results',
      skip: 'Skip to main content',
      navLabel: 'Main navigation',
      navResults: 'Results',
      navNotices: 'Public notices',
      navRevisions: 'Corrections',
      revisionsTitle: 'Corrections and withdrawals',
      revisionsIntro:
        'Published results that were corrected or withdrawn. Each opens every version of the result.',
      noRevisions: 'No corrections or withdrawals.',
      navStatistics: 'Statistics',
      navRiskWarnings: 'Risk warnings',
      riskTitle: 'Consumer risk warnings',
      riskIntro:
        'For failed products found by spot checks, the market regulation bureau issues reviewed consumer risk warnings about quality and safety risks.',
      noRisk: 'No risk warnings in force.',
      riskProduct: 'Product',
      riskProducer: 'Claimed producer',
      riskProducerCode: "Producer's unified social credit code",
      riskItems: 'Nonconforming items',
      riskText: 'Risk',
      riskAdvice: 'Advice to consumers',
      riskIssuedBy: 'Issued by',
      riskIssuedAt: 'Issued on',
      riskWithdrawnTitle: 'Withdrawn risk warnings',
      riskWithdrawnOn: 'withdrawn on {d}',
      navOpenData: 'Open data',
      switchTo: '中文',
      switchLabel: '切换到中文',
      footerNote:
        'Published under the Hangzhou operating rules for online product quality sampling inspection.',
      publisher: 'Published by: ',
      resultsTitle: 'Published inspection results',
      search: 'Keywords',
      searchHint: 'seller, sample, brand, producer, model, platform or nonconforming item',
      category: 'Category',
      platform: 'Platform',
      region: "Seller's region",
      verdict: 'Verdict',
      period: 'Period',
      all: 'All',
      ownSite: 'Own website (no platform)',
      submit: 'Search',
      reset: 'Clear filters',
      found: '{n} results',
      none: 'No results match.',
      pass: 'Pass',
      fail: 'Fail',
      page: 'Page {p} of {n}',
      prev: 'Previous',
      next: 'Next',
      pagination: 'Pagination',
      details: 'Details',
      seller: 'Seller',
      sampleName: 'Sample',
      claimedBrand: 'Claimed brand',
      claimedProducer: 'Claimed producer',
      specModel: 'Specification / model',
      productionDate: 'Production date',
      items: 'Main nonconforming items',
      platformName: 'Platform operator',
      resultDate: 'Result date',
      sampledBy: 'Sampled by',
      publishedAt: 'Published',
      publicId: 'Public result id',
      status: 'Status',
      published: 'Published',
      corrected: 'Corrected',
      withdrawn: 'Withdrawn',
      reason: 'Reason',
      correctedBanner: 'This result was corrected on {d}. Reason: {r}',
      withdrawnBanner: 'This result was withdrawn on {d}. Reason: {r}',
      history: 'Publication history',
      version: 'Version',
      kind: 'Kind',
      kindResult: 'First publication',
      kindCorrection: 'Correction',
      kindWithdrawal: 'Withdrawal',
      back: 'Back to the results',
      notFound: 'No such published result.',
      noticesTitle: 'Public notices',
      noticesIntro:
        'Results that could not be delivered because the seller’s address is unknown are notified here. An objection may be filed in writing within 15 days of this notice.',
      listingUrl: 'Listing link',
      orderNumber: 'Order number',
      noNotices: 'No public notices.',
      statsTitle: 'Statistics',
      by: 'Group by',
      byCategory: 'Category',
      byPlatform: 'Platform',
      byProvince: 'Province',
      byCity: 'City',
      byDistrict: 'District',
      byMonth: 'Month',
      byQuarter: 'Quarter',
      byYear: 'Year',
      tested: 'Batches tested',
      failed: 'Failed',
      threeNo: 'Three-no products',
      passRate: 'Pass rate',
      detectionRate: 'Non-conformity detection rate',
      threeNoRate: 'Three-no rate',
      qualityIndex: 'Quality index',
      ci: '95% interval',
      smallSample: 'Small sample (under 30 batches): read the interval',
      chartBreakdown: 'Pass rate by group with 95% intervals',
      chartTrend: 'Pass, detection and three-no rates over time',
      low: 'Interval low',
      high: 'Interval high',
      tableCaption: 'Figures',
      total: 'Total',
      noData: 'No statistics yet.',
      method:
        'Pass rate = passed ÷ tested; detection rate = failed ÷ tested; three-no = no producer, no producer address or no certificate; quality index = 100 × (0.8 × pass rate + 0.2 × (1 − three-no rate)). Intervals are 95% Wilson intervals.',
      downloads: 'Downloads',
      openDataTitle: 'Open data',
      openDataIntro: 'Published results and statistics are free to download. CSV files are UTF-8 with a BOM.',
      resultsCsv: 'Results (CSV)',
      resultsJson: 'Results (JSON)',
      statsCsv: 'Statistics by category (CSV)',
      statsJson: 'Statistics by category (JSON)',
      riskCsv: 'Consumer risk warnings (CSV)',
      schema: 'Field definitions (JSON)',
      error: 'Could not load the data. Please try again later.',
    },
  };

  var lang = pickLanguage();
  var facets = null;
  var charts = [];

  function pickLanguage() {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'en' || asked === 'zh') return asked;
    try {
      var kept = localStorage.getItem('qis-lang');
      if (kept === 'en' || kept === 'zh') return kept;
    } catch {
      // storage may be off; Chinese is the default
    }
    return 'zh';
  }

  function t(key, values) {
    var text = (TEXT[lang] && TEXT[lang][key]) || TEXT.zh[key] || key;
    Object.keys(values || {}).forEach(function (k) {
      text = text.split('{' + k + '}').join(String(values[k]));
    });
    return text;
  }

  function colon() {
    return lang === 'en' ? ': ' : '：';
  }

  function esc(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  function api(path) {
    return fetch(path, { headers: { accept: 'application/json' } }).then(function (res) {
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(path + ': ' + res.status);
      return res.json();
    });
  }

  function loadFacets() {
    if (facets) return Promise.resolve(facets);
    return api('/public/facets').then(function (f) {
      facets = f;
      return f;
    });
  }

  function shanghaiDate(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.toISOString().slice(0, 10);
  }

  function percent(x) {
    return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%';
  }

  function categoryLabel(code) {
    var found = ((facets && facets.categories) || []).find(function (c) {
      return c.code === code;
    });
    return found ? found[lang] : code;
  }

  function platformLabel(name) {
    return name === 'none' || name === null ? t('ownSite') : name;
  }

  function verdictBadge(verdict) {
    return '<span class="badge badge-' + esc(verdict) + '">' + esc(t(verdict)) + '</span>';
  }

  function statusBadge(status) {
    return status === 'published' ? '' : ' <span class="badge badge-status">' + esc(t(status)) + '</span>';
  }

  /** One row of a definition list: a label and (already escaped) HTML. */
  function fieldRow(label, html) {
    return '<dt>' + esc(label) + '</dt><dd>' + html + '</dd>';
  }

  /** Submits a filter form by navigating to `base` with its non-empty fields as the query. */
  function bindFilterForm(id, base) {
    document.getElementById(id).addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new URLSearchParams();
      new window.FormData(event.target).forEach(function (value, key) {
        if (value) data.set(key, String(value));
      });
      navigate(base + (data.toString() ? '?' + data.toString() : ''));
    });
  }

  function main() {
    return document.getElementById('main');
  }

  function setTitle(title) {
    document.title = title + ' - ' + t('siteTitle');
  }

  function focusHeading() {
    var h1 = main().querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
    }
  }

  function disposeCharts() {
    charts.forEach(function (c) {
      c.dispose();
    });
    charts = [];
  }

  function applyChrome(section) {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    var nav = document.getElementById('site-nav');
    nav.setAttribute('aria-label', t('navLabel'));
    nav.querySelectorAll('a').forEach(function (a) {
      if (a.getAttribute('data-nav') === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    var button = document.getElementById('lang-switch');
    button.textContent = t('switchTo');
    button.setAttribute('aria-label', t('switchLabel'));
    button.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    var bureau = document.getElementById('footer-bureau');
    bureau.textContent = facets ? t('publisher') + facets.bureau : '';
  }

  function options(list, selected, allLabel) {
    return (
      '<option value="">' +
      esc(allLabel) +
      '</option>' +
      list
        .map(function (o) {
          return (
            '<option value="' +
            esc(o.value) +
            '"' +
            (o.value === selected ? ' selected' : '') +
            '>' +
            esc(o.label) +
            '</option>'
          );
        })
        .join('')
    );
  }

  function selectField(id, name, label, list, selected) {
    return (
      '<div class="field"><label for="' +
      id +
      '">' +
      esc(label) +
      '</label><select id="' +
      id +
      '" name="' +
      name +
      '">' +
      options(list, selected, t('all')) +
      '</select></div>'
    );
  }

  function facetLists(f) {
    return {
      category: f.categories.map(function (c) {
        return { value: c.code, label: c[lang] };
      }),
      platform: f.platforms.map(function (p) {
        return { value: p, label: platformLabel(p) };
      }),
      region: f.regions.map(function (r) {
        return { value: r.code, label: r.name };
      }),
      period: f.periods.map(function (p) {
        return { value: p, label: p };
      }),
    };
  }

  // ---- result list -------------------------------------------------------------------------
  function renderList(params) {
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

  function pager(base, params, current, pages) {
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

  // ---- result detail -----------------------------------------------------------------------
  function kindLabel(kind) {
    return t(kind === 'result' ? 'kindResult' : kind === 'correction' ? 'kindCorrection' : 'kindWithdrawal');
  }

  function renderDetail(id) {
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

  // ---- public notices ----------------------------------------------------------------------
  function renderNotices(params) {
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

  // ---- corrections and withdrawals --------------------------------------------------------
  function renderRevisions(params) {
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

  // ---- consumer risk warnings --------------------------------------------------------------
  function riskProduct(w) {
    return (w.brand ? w.brand + ' ' : '') + w.sampleName + (w.specModel ? ' ' + w.specModel : '');
  }

  function renderRiskWarnings(params) {
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

  // ---- statistics --------------------------------------------------------------------------
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

  function renderStatistics(params) {
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
        drawBreakdown(by, stats.rows);
        drawTrend(trend.rows);
      });
    });
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

  function drawBreakdown(by, rows) {
    var c = chart('chart-breakdown');
    if (!c) return;
    var labels = rows.map(function (r) {
      return rowLabel(by, r);
    });
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

  function drawTrend(rows) {
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

  // ---- open data ---------------------------------------------------------------------------
  function renderOpenData() {
    return loadFacets().then(function () {
      var link = function (href, label) {
        return '<li><a href="' + href + '">' + esc(t(label)) + '</a></li>';
      };
      main().innerHTML =
        '<h1>' +
        esc(t('openDataTitle')) +
        '</h1><p>' +
        esc(t('openDataIntro')) +
        '</p><ul id="open-data-links">' +
        link('/open-data/results.csv?header=' + (lang === 'en' ? 'en' : 'zh'), 'resultsCsv') +
        link('/open-data/results.json', 'resultsJson') +
        link(
          '/open-data/statistics.csv?by=category&amp;header=' + (lang === 'en' ? 'en' : 'zh'),
          'statsCsv',
        ) +
        link('/open-data/statistics.json?by=category', 'statsJson') +
        link('/open-data/risk-warnings.csv?header=' + (lang === 'en' ? 'en' : 'zh'), 'riskCsv') +
        link('/open-data/schema', 'schema') +
        '</ul>';
      setTitle(t('openDataTitle'));
    });
  }

  // ---- routing -----------------------------------------------------------------------------
  function route() {
    disposeCharts();
    var path = location.pathname;
    var params = new URLSearchParams(location.search);
    var section = 'results';
    var work;
    var detail = /^\/results\/([^/]+)$/.exec(path);
    if (detail) work = renderDetail(decodeURIComponent(detail[1]));
    else if (path === '/notices') {
      section = 'notices';
      work = renderNotices(params);
    } else if (path === '/risk-warnings') {
      section = 'risk-warnings';
      work = renderRiskWarnings(params);
    } else if (path === '/revisions') {
      section = 'revisions';
      work = renderRevisions(params);
    } else if (path === '/statistics') {
      section = 'statistics';
      work = renderStatistics(params);
    } else if (path === '/open-data') {
      section = 'open-data';
      work = renderOpenData();
    } else work = renderList(params);
    return work
      .then(function () {
        applyChrome(section);
        document.body.setAttribute('data-ready', path);
      })
      .catch(function () {
        main().innerHTML = '<h1>' + esc(t('error')) + '</h1>';
        applyChrome(section);
      });
  }

  function navigate(url) {
    history.pushState(null, '', url);
    route().then(focusHeading);
  }

  document.addEventListener('click', function (event) {
    var a = event.target.closest && event.target.closest('a[data-link]');
    if (!a || event.metaKey || event.ctrlKey || event.shiftKey || a.getAttribute('aria-disabled') === 'true')
      return;
    event.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', function () {
    route();
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) {
      c.resize();
    });
  });
  document.getElementById('lang-switch').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh' : 'en';
    try {
      localStorage.setItem('qis-lang', lang);
    } catch {
      // not kept: the switch still applies to this page
    }
    var params = new URLSearchParams(location.search);
    params.delete('lang');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params.toString() : ''));
    route();
  });
  route();
})();
