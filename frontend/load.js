// The map's first requests, begun as soon as the page is parsed (this module imports only places.js,
// config.js and lang.js, which have no other imports), so the incidents (the largest download and most of the
// wait), the server's config, the border and crossings drawn over the basemap, the place names and
// (lang.js) the strings come while the browser still loads the map's modules, and before the
// basemap's tiles take the browser's six connections (in WebMapBenchmark on a busy machine the border
// waited behind cold tiles until 9.7 s). app.js and basemap.js take the answers.

import { loadPlaces } from './places.js';
import { CONFIG } from './config.js';

/** The lean map view (as of a pin in a pinned embed), /webmap/config.json, the border and crossings: fetches under way. */
const pin = new URLSearchParams(location.search).get('asof');
const asof = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(pin || '') ? pin : null;
const get = (url) => fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });

export const PIN = asof;
const incidentsRequest = get(`/api/incidents?limit=100000&view=map${asof ? `&asof=${encodeURIComponent(asof)}` : ''}`);
/** /webmap/config.json (config.js asks for it, for the symbols and the type names too). */
export const configAnswer = CONFIG;
export const borderRequest = get('/api/places?kind=border');
export const crossingsRequest = get('/api/places?kind=crossing');
// the names in the reader's script: the list, the panel, the areas and the border's label wait for them
loadPlaces();

/** The JSON of a request under way, or an error naming it. */
export async function answer(request, what) {
  const r = await request;
  if (!r.ok) {
    throw new Error(`${what}: ${r.status}`);
  }
  return r.json();
}

/**
 * The incidents' JSON, parsed as soon as it has come (4.9 MB at 10,000 incidents): not after the
 * modules and the config, which the page waited for before it began to read them. A failure is
 * app.js's to report when it asks; until then it is not an unhandled rejection.
 */
export const incidentsAnswer = answer(incidentsRequest, '/api/incidents');
incidentsAnswer.catch(() => {});
