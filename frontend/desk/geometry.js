// The review's geometry: a small Leaflet map with the incident's geometry, and four ways to change it:
// the places' own areas (a place picked in the search is shown first), the stretch of the Durand Line the
// chosen provinces touch (GET /api/border-segment, as the ingest draws it), or a point or an area drawn on
// the map. No drawing library is vendored: a click sets a point, clicks add an area's corners and Enter or
// "Finish the area" closes it. Keyboard users type "lat, lon" (a point) or three or more pairs separated by
// ";" (an area). The precision select follows each choice; the editor may still change it.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { call } from './api.js';
import { esc } from '../format.js';

const SHOWN = { color: '#b03a2e', weight: 2, fillOpacity: 0.15 };
const PREVIEW = { color: '#1f4e89', weight: 2, dashArray: '4 4', fillOpacity: 0.08 };

export function geometryHtml() {
  return `<h3>Geometry</h3>
    <div class="geo">
      <div id="geo-map" class="geo-map" tabindex="0" aria-label="Map of the incident's geometry; in drawing mode a click sets a point or adds a corner, Enter finishes an area, Escape stops"></div>
      <div class="geo-tools">
        <button type="button" id="g-places" title="The union of the places' areas, as the server computes it">Use the places' areas</button>
        <button type="button" id="g-border" title="The stretch of the Durand Line the provinces in Places touch, buffered about 5 km">Border segment of the provinces</button>
        <button type="button" id="g-point" aria-pressed="false">Draw a point</button>
        <button type="button" id="g-area" aria-pressed="false">Draw an area</button>
        <button type="button" id="g-finish" disabled>Finish the area</button>
        <label for="g-latlon">Or type lat, lon (a point) or 3+ pairs split by ; (an area)</label>
        <span class="g-row"><input id="g-latlon" placeholder="33.33, 69.92"><button type="button" id="g-set">Set</button></span>
        <p id="g-status" class="muted" aria-live="polite"></p>
      </div>
    </div>`;
}

/**
 * Wires the geometry section rendered by geometryHtml() inside {@code root}. {@code feature} is the incident;
 * {@code places()} gives the ids in the Places field; {@code precision} is the location-precision select.
 * Returns {value(), showPlace(id)}: value() is {mode: 'keep'} (unchanged), {mode: 'places'} or
 * {mode: 'drawn', geometry, places?}.
 */
export function geometryEditor(root, feature, { places, precision }) {
  const $ = (sel) => root.querySelector(sel);
  let state = { mode: 'keep' };
  let map = null;
  let shown = null;
  let preview = null;
  let drawing = null; // 'point' | 'area' | null
  let corners = [];
  const status = (text) => { $('#g-status').textContent = text; };
  status(feature.geometry ? `Geometry: as stored (${feature.properties.geo_precision || 'no precision'}).` : 'No geometry yet.');

  const show = (geojson, style = SHOWN) => {
    if (!map) {
      return;
    }
    shown?.remove();
    shown = geojson ? L.geoJSON(geojson, { style, pointToLayer: (f, ll) => L.circleMarker(ll, { ...style, radius: 7 }) }).addTo(map) : null;
    if (shown && shown.getBounds().isValid()) {
      map.fitBounds(shown.getBounds(), { maxZoom: 10, padding: [16, 16] });
    }
  };
  const setDrawing = (mode) => {
    drawing = mode;
    corners = [];
    preview?.remove();
    preview = null;
    $('#g-point').setAttribute('aria-pressed', String(mode === 'point'));
    $('#g-area').setAttribute('aria-pressed', String(mode === 'area'));
    $('#g-finish').disabled = true;
    root.querySelector('#geo-map').classList.toggle('drawing', !!mode);
    if (mode) {
      status(mode === 'point' ? 'Click the map where it happened (Escape stops).'
        : 'Click the area\'s corners on the map, then Enter or "Finish the area" (Escape stops).');
    }
  };
  const drawn = (geometry, prec, text, placeIds) => {
    state = { mode: 'drawn', geometry, places: placeIds };
    precision.value = prec;
    show({ type: 'Feature', geometry, properties: {} });
    status(text);
  };
  const finishArea = () => {
    if (corners.length < 3) {
      status('An area needs at least three corners.');
      return;
    }
    const ring = [...corners.map((c) => [c.lng, c.lat]), [corners[0].lng, corners[0].lat]];
    setDrawing(null);
    drawn({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [round(x), round(y)])] }, 'near',
      `Geometry: an area of ${ring.length - 1} corners drawn on the map (precision "near").`);
  };

  const init = async () => {
    const el = $('#geo-map');
    if (!el || !el.isConnected || map) {
      return;
    }
    map = L.map(el, { zoomControl: true, attributionControl: false, doubleClickZoom: false, keyboard: true })
      .setView([33.5, 69.5], 6);
    // the grid settles after the map starts: follow the container's size
    new ResizeObserver(() => map.invalidateSize()).observe(el);
    try {
      const config = (await call('GET', '/webmap/config.json')).data;
      if (config.base) {
        L.tileLayer(config.base, { maxZoom: 13, tileSize: 256 }).addTo(map);
        if (config.labels) {
          L.tileLayer(config.labels, { maxZoom: 13, tileSize: 256 }).addTo(map);
        }
      }
    } catch {
      // the map works without its basemap
    }
    show(feature.geometry ? feature : null);
    map.on('click', (ev) => {
      if (drawing === 'point') {
        setDrawing(null);
        drawn({ type: 'Point', coordinates: [round(ev.latlng.lng), round(ev.latlng.lat)] }, 'exact',
          `Geometry: a point drawn at ${ev.latlng.lat.toFixed(4)}, ${ev.latlng.lng.toFixed(4)} (precision "exact").`);
      } else if (drawing === 'area') {
        corners.push(ev.latlng);
        preview?.remove();
        preview = (corners.length > 2 ? L.polygon(corners, PREVIEW) : L.polyline(corners, PREVIEW)).addTo(map);
        $('#g-finish').disabled = corners.length < 3;
        status(`${corners.length} corner(s); Enter or "Finish the area" when done.`);
      }
    });
    el.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && drawing) {
        setDrawing(null);
        status('Drawing stopped; the geometry is unchanged.');
      } else if (ev.key === 'Enter' && drawing === 'area') {
        ev.preventDefault();
        finishArea();
      }
    });
  };
  // the review is put into the page after it is built: start the map once it is there
  requestAnimationFrame(init);

  $('#g-point').addEventListener('click', () => setDrawing(drawing === 'point' ? null : 'point'));
  $('#g-area').addEventListener('click', () => setDrawing(drawing === 'area' ? null : 'area'));
  $('#g-finish').addEventListener('click', finishArea);
  $('#g-places').addEventListener('click', async () => {
    setDrawing(null);
    const ids = places();
    if (!ids.length) {
      status('Add a place first (Find a place, or type its gazetteer id).');
      return;
    }
    state = { mode: 'places' };
    const parts = [];
    for (const id of ids) {
      try {
        parts.push((await call('GET', `/api/places/${encodeURIComponent(id)}`)).data);
      } catch {
        // an unknown id: the server names it when saving
      }
    }
    show({ type: 'FeatureCollection', features: parts });
    status(`Geometry: the areas of ${parts.map((p) => p.properties?.name || p.id).map(esc).join(', ') || 'the places'}; the server computes it and its precision when saving.`);
  });
  $('#g-border').addEventListener('click', async () => {
    setDrawing(null);
    const provinces = places().filter((id) => id.includes('-province-'));
    if (!provinces.length) {
      status('Add the provinces along that stretch of the border to Places first (e.g. af-province-khost).');
      return;
    }
    try {
      const { data } = await call('GET', `/api/border-segment?provinces=${encodeURIComponent(provinces.join(','))}`);
      drawn(data.geometry, 'border_segment', `Geometry: the Durand Line along ${provinces.join(', ')}, buffered about 5 km (precision "border segment").`,
        data.properties.places);
    } catch (e) {
      status(e.message);
    }
  });
  $('#g-set').addEventListener('click', () => {
    const pairs = $('#g-latlon').value.split(';').map((s) => s.split(',').map((x) => Number(x.trim()))).filter((p) => p.length === 2);
    const ok = pairs.length > 0 && pairs.every(([lat, lon]) => Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
    if (!ok || pairs.length === 2) {
      status('Type "lat, lon" for a point, or three or more "lat, lon" pairs separated by ";" for an area.');
      return;
    }
    setDrawing(null);
    if (pairs.length === 1) {
      const [lat, lon] = pairs[0];
      drawn({ type: 'Point', coordinates: [round(lon), round(lat)] }, 'exact', `Geometry: the point ${lat}, ${lon} (precision "exact").`);
    } else {
      const ring = [...pairs.map(([lat, lon]) => [round(lon), round(lat)]), [round(pairs[0][1]), round(pairs[0][0])]];
      drawn({ type: 'Polygon', coordinates: [ring] }, 'near', `Geometry: an area of ${pairs.length} corners (precision "near").`);
    }
  });
  $('#g-latlon').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      $('#g-set').click();
    }
  });

  return {
    value: () => state,
    /** Shows a place picked in the search on the map, before the editor decides. */
    async showPlace(id) {
      try {
        const { data } = await call('GET', `/api/places/${encodeURIComponent(id)}`);
        show(data, PREVIEW);
        status(`Shown: ${data.properties?.name || id}. "Use the places' areas" makes it the geometry.`);
      } catch {
        // nothing to show
      }
    },
  };
}

const round = (x) => Math.round(x * 1e5) / 1e5;
