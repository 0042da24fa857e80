// The anonymous JSON API (/public/*): a GET that answers null for 404, and the facets, loaded once.

/** The facets (categories, platforms, regions, periods, the bureau), once loaded. */
export var facets = null;

export function api(path) {
  return fetch(path, { headers: { accept: 'application/json' } }).then(function (res) {
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(path + ': ' + res.status);
    return res.json();
  });
}

export function loadFacets() {
  if (facets) return Promise.resolve(facets);
  return api('/public/facets').then(function (f) {
    facets = f;
    return f;
  });
}
