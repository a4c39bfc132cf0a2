// The layer switcher, built from the server's layers: /webmap/config.json lists every registered
// collection (layers.Layers, in its order). A collection the page draws itself is switched by its own
// drawings; any other with vector tiles is drawn from them (vectortiles.js). So a layer registered on
// the server appears here with no change to the page (ARCHITECTURE.md, "Adding a layer").

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { esc } from './format.js';
import { COLLECTION_NAMES } from './messages.js';
import { GAZETTEER_LANG } from './places.js';

/** The colours of the layers drawn from their tiles, in turn: muted slate, violet, teal and brown, apart from the incidents' types (symbols.js). */
const COLOURS = ['#5d6b78', '#7a5c99', '#3d7a6b', '#8a6a3c'];

/**
 * Adds the switcher: for each of config's layers in order, the page's own drawings of it (own: collection id →
 * [[name, layer group], …]; an empty list: drawn in the basemap's tiles, nothing to switch), else its vector tiles
 * (off unless shown, the permalink's layers, names it), else nothing (no tiles: too heavy as features). The page's
 * own drawings of a collection this server does not register keep their switches, at the end.
 */
export function layerSwitcher(map, config, own, shown, position) {
  const pane = map.getPane('collections') || map.createPane('collections');
  pane.style.zIndex = 395; // over the incidents' areas (390), under the crossings, labels and points
  pane.style.pointerEvents = 'none';
  const overlays = {};
  const listed = new Set();
  let drawn = 0;
  for (const layer of config.layers || []) {
    if (own[layer.id]) {
      for (const [name, group] of own[layer.id]) {
        overlays[esc(name)] = group;
        listed.add(group);
      }
    } else if (layer.tiles) {
      const tiles = fromTiles(layer, { colour: COLOURS[drawn++ % COLOURS.length], pane: 'collections', lang: GAZETTEER_LANG });
      overlays[esc(COLLECTION_NAMES[layer.id] || layer.title)] = tiles;
      if (shown && shown.has(layer.id)) {
        tiles.addTo(map);
      }
    }
  }
  for (const drawings of Object.values(own)) {
    for (const [name, group] of drawings) {
      if (!listed.has(group)) {
        overlays[esc(name)] = group;
      }
    }
  }
  return L.control.layers(null, overlays, { collapsed: true, position }).addTo(map);
}

/** The collection drawn from its vector tiles, the drawing code (vectortiles.js) loaded when it is first switched on: not in the first load. */
function fromTiles(layer, options) {
  const group = L.layerGroup();
  group.once('add', async () => {
    const { collectionTiles } = await import('./vectortiles.js');
    group.addLayer(collectionTiles(layer, options));
  });
  return group;
}
