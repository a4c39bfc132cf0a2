// The map's first requests, begun as soon as the page is parsed: a module of its own, with no imports,
// so the incidents (the largest download and most of the wait), the server's config and the border
// and crossings drawn over the basemap come while the browser still loads the map's modules, and
// before the basemap's tiles take the browser's six connections (in WebMapBenchmark on a busy
// machine the border waited behind cold tiles until 9.7 s). app.js and basemap.js take the answers.

/** The lean map view (as of a pin in a pinned embed), /webmap/config.json, the border and crossings: fetches under way. */
const pin = new URLSearchParams(location.search).get('asof');
const asof = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(pin || '') ? pin : null;
const get = (url) => fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });

export const PIN = asof;
export const incidentsRequest = get(`/api/incidents?limit=100000&view=map${asof ? `&asof=${encodeURIComponent(asof)}` : ''}`);
export const configRequest = get('/webmap/config.json');
export const borderRequest = get('/api/places?kind=border');
export const crossingsRequest = get('/api/places?kind=crossing');

/** The JSON of a request under way, or an error naming it. */
export async function answer(request, what) {
  const r = await request;
  if (!r.ok) {
    throw new Error(`${what}: ${r.status}`);
  }
  return r.json();
}
