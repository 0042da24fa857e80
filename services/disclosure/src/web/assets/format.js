// Escaping and formatting: dates in Asia/Shanghai, percentages, labels, badges and form fields.
import { facets } from './api.js';
import { lang, t } from './i18n.js';

export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function shanghaiDate(iso) {
  var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

export function percent(x) {
  return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%';
}

export function categoryLabel(code) {
  var found = ((facets && facets.categories) || []).find(function (c) {
    return c.code === code;
  });
  return found ? found[lang] : code;
}

export function platformLabel(name) {
  return name === 'none' || name === null ? t('ownSite') : name;
}

export function verdictBadge(verdict) {
  return '<span class="badge badge-' + esc(verdict) + '">' + esc(t(verdict)) + '</span>';
}

export function statusBadge(status) {
  return status === 'published' ? '' : ' <span class="badge badge-status">' + esc(t(status)) + '</span>';
}

/** One row of a definition list: a label and (already escaped) HTML. */
export function fieldRow(label, html) {
  return '<dt>' + esc(label) + '</dt><dd>' + html + '</dd>';
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

export function selectField(id, name, label, list, selected) {
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

export function facetLists(f) {
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
