// The page around a section: the main element, the title, the focus, the header and footer in the
// chosen language, and filter forms.
import { facets } from './api.js';
import { lang, t } from './i18n.js';

/** How a form navigates without a reload: the router's navigation, handed over by onNavigate. */
var go = function (url) {
  location.assign(url);
};

export function onNavigate(to) {
  go = to;
}

/** Submits a filter form by navigating to `base` with its non-empty fields as the query. */
export function bindFilterForm(id, base) {
  document.getElementById(id).addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new URLSearchParams();
    new window.FormData(event.target).forEach(function (value, key) {
      if (value) data.set(key, String(value));
    });
    go(base + (data.toString() ? '?' + data.toString() : ''));
  });
}

export function main() {
  return document.getElementById('main');
}

export function setTitle(title) {
  document.title = title + ' - ' + t('siteTitle');
}

export function focusHeading() {
  var h1 = main().querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
  }
}

export function applyChrome(section) {
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
