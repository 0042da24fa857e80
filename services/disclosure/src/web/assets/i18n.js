// The page's words in Chinese (the default) and English, from same-origin JSON files beside the
// page's modules (i18n-zh-CN.json, i18n-en.json); the choice comes from ?lang= or the one kept.
var TEXT = { zh: {}, en: {} };

export var lang = pickLanguage();

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

function table(file) {
  return fetch('/assets/' + file, { headers: { accept: 'application/json' } }).then(function (res) {
    if (!res.ok) throw new Error(file + ': ' + res.status);
    return res.json();
  });
}

/** Loads both languages (the Chinese text is also the fallback of a missing English one). */
export function loadTranslations() {
  return Promise.all([table('i18n-zh-CN.json'), table('i18n-en.json')]).then(function (tables) {
    TEXT = { zh: tables[0], en: tables[1] };
  });
}

export function setLang(next) {
  lang = next;
}

export function t(key, values) {
  var text = (TEXT[lang] && TEXT[lang][key]) || TEXT.zh[key] || key;
  Object.keys(values || {}).forEach(function (k) {
    text = text.split('{' + k + '}').join(String(values[k]));
  });
  return text;
}

export function colon() {
  return lang === 'en' ? ': ' : '：';
}
