// The public disclosure page: plain JavaScript modules, no build step. It reads only the anonymous
// JSON API (/public/*) and renders results, a result with its history, public notices, consumer risk
// warnings and statistics. This module starts it once the translations are loaded.
import { loadTranslations } from './i18n.js';
import { start } from './router.js';

loadTranslations().then(start, function () {
  // Without the words the page cannot say more; the data stays downloadable from /open-data.
  document.getElementById('main').innerHTML =
    '<h1>数据加载失败，请稍后重试。 / Could not load the data. Please try again later.</h1>';
});
