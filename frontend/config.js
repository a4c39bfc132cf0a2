// The server's configuration, /webmap/config.json, asked for as soon as the page's modules begin to load (a
// module with no imports; load.js imports it first): the basemap's tiles, the geocoder, the layers, and the
// incidents' marks, the one vocabulary of types (each type's value, English name, colour and shape, in the
// server's order: incidents.IncidentType) from which symbols.js draws and messages.js names them.

/** The configuration's JSON, or an error naming it. */
export const CONFIG = fetch('/webmap/config.json', { headers: { Accept: 'application/json' } }).then((r) => {
  if (!r.ok) {
    throw new Error(`/webmap/config.json: ${r.status}`);
  }
  return r.json();
});
CONFIG.catch(() => {}); // app.js reports a failure when it asks

/** The incidents' marks, [{ value, label, colour, shape }], none when the configuration could not be read. */
export const MARKS = CONFIG.then((c) => c.marks?.classes || [], () => []);
