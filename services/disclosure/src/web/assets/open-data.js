// Open data (/open-data): the downloads.
import { loadFacets } from './api.js';
import { esc } from './format.js';
import { lang, t } from './i18n.js';
import { main, setTitle } from './page.js';

export function renderOpenData() {
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
      link('/open-data/statistics.csv?by=category&amp;header=' + (lang === 'en' ? 'en' : 'zh'), 'statsCsv') +
      link('/open-data/statistics.json?by=category', 'statsJson') +
      link('/open-data/risk-warnings.csv?header=' + (lang === 'en' ? 'en' : 'zh'), 'riskCsv') +
      link('/open-data/schema', 'schema') +
      '</ul>';
    setTitle(t('openDataTitle'));
  });
}
