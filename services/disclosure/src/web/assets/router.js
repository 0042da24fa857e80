// Routing: each path to its section, links and forms without a reload, the back button and the
// language switch.
import { disposeCharts, resizeCharts } from './charts.js';
import { esc } from './format.js';
import { lang, setLang, t } from './i18n.js';
import { renderNotices } from './notices.js';
import { renderOpenData } from './open-data.js';
import { applyChrome, focusHeading, main, onNavigate } from './page.js';
import { renderDetail } from './result-detail.js';
import { renderList } from './results.js';
import { renderRevisions } from './revisions.js';
import { renderRiskWarnings } from './risk-warnings.js';
import { renderStatistics } from './statistics.js';

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

/** Listens to links, forms, the back button, resizing and the language switch, and shows the current path. */
export function start() {
  onNavigate(navigate);
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
  window.addEventListener('resize', resizeCharts);
  document.getElementById('lang-switch').addEventListener('click', function () {
    setLang(lang === 'en' ? 'zh' : 'en');
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
}
