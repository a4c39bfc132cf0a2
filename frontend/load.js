// The map's two requests, begun as soon as the page is parsed: a module of its own, with no imports,
// so the incidents (the largest download and most of the wait) and the server's config come while
// the browser still loads the map's modules. app.js imports this same module and takes the answers.

/** The lean map view (as of a pin in a pinned embed), and /webmap/config.json: fetches under way. */
const pin = new URLSearchParams(location.search).get('asof');
const asof = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(pin || '') ? pin : null;
const get = (url) => fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });

export const PIN = asof;
export const incidentsRequest = get(`/api/incidents?limit=100000&view=map${asof ? `&asof=${encodeURIComponent(asof)}` : ''}`);
export const configRequest = get('/webmap/config.json');
