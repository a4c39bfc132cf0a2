// The basemap under the incidents: the server's raster tiles in two layers (land and boundaries;
// the labels, placed by the server for the whole map) with the Durand Line and the crossings drawn
// here, or without the tiles feature a vector map from /api/places.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { esc } from './format.js';
import { MSG } from './messages.js';
import { LANG } from './i18n.js';
import { borderRequest, crossingsRequest, answer } from './load.js';
import { loadPlaces, placeName } from './places.js';

export async function json(url) {
  const r = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!r.ok) {
    throw new Error(`${url}: ${r.status}`);
  }
  return r.json();
}

/**
 * The raster basemap: on a high-density screen the server's @2x tiles (512 px drawn in 256), not
 * Leaflet's detectRetina, which asks for the next zoom's tiles and shrinks their labels to ~6 px.
 */
function basemapUrl(template, ratio) {
  return ratio > 1.4 ? template.replace(/\.png$/, '@2x.png') : template;
}

/** The label tiles in the reader's language: place names in Pashto, Dari or Urdu where the gazetteer has them. */
function labelsUrl(template, ratio) {
  const lang = { ps: 'ps', 'fa-AF': 'fa', ur: 'ur' }[LANG];
  return basemapUrl(template, ratio) + (lang ? `?lang=${lang}` : '');
}

export class Basemap {
  constructor(map, layers, baseCanvas) {
    this.map = map;
    this.layers = layers;
    this.baseCanvas = baseCanvas;
    this.config = {};
    map.on('zoomend', () => this.showLabelsForZoom());
    // Leaflet gives every tile mix-blend-mode: plus-lighter against the hairline seams Chromium leaves
    // between scaled tiles, which makes each tile a render pass of its own: a browser that composites in
    // software (no GPU; WebMapBenchmark's) drew 40 of them every frame, 25-30 ms a frame, most of a
    // one-day step's wait. Tiles are scaled only at a half zoom (zoomSnap 0.5) and while zooming: at a
    // whole zoom they are drawn plainly (style.css, .whole-zoom).
    const whole = () => map.getContainer().classList.toggle('whole-zoom', Number.isInteger(map.getZoom()));
    map.on('zoomstart', () => map.getContainer().classList.remove('whole-zoom'));
    map.on('zoomend', whole);
    whole();
  }

  /** Draws the basemap for the server's config (/webmap/config.json). */
  async load(config) {
    const { layers, baseCanvas } = this;
    this.config = config;
    if (config.base) {
      // the land and boundaries, and the labels over the incidents' areas as their own layer (each label
      // once, placed by the server for the whole map, so none is cut at a tile edge); the border and the
      // crossings are drawn here, so the switcher can hide each
      const ratio = window.devicePixelRatio || 1;
      L.tileLayer(basemapUrl(config.base, ratio), { maxZoom: 13, tileSize: 256 }).addTo(layers.basemap);
      L.tileLayer(labelsUrl(config.labels, ratio), { maxZoom: 13, tileSize: 256, pane: 'labels' }).addTo(layers.labels);
      await this.overlays();
      return;
    }
    // the vector map names its provinces and cities in the reader's script, as the label tiles do
    await loadPlaces();
    const countries = await json('/api/places?kind=country&limit=50');
    L.geoJSON(countries, {
      renderer: baseCanvas, interactive: false,
      style: (f) => ({
        color: '#9aa3a9', weight: 1, fillOpacity: 1,
        fillColor: ['AF', 'PK'].includes(f.properties.country) ? '#f4f1ea' : '#e6e3dc',
      }),
    }).addTo(layers.basemap);
    const provinces = await json('/api/places?kind=province&limit=200');
    L.geoJSON(provinces, {
      renderer: baseCanvas, interactive: false,
      style: { color: '#b5b0a5', weight: 0.8, fill: false, dashArray: '3 3' },
    }).addTo(layers.provinces);
    for (const f of provinces.features) {
      const centre = L.geoJSON(f).getBounds().getCenter();
      L.marker(centre, { pane: 'labels', interactive: false, keyboard: false, opacity: 0, icon: L.divIcon({ className: '', iconSize: [0, 0] }) })
        .bindTooltip(esc(placeName(f.properties.id, f.properties.name)), { permanent: true, direction: 'center', className: 'label-province', pane: 'labels' })
        .addTo(layers.labels)
        .options.minZoom = 7;
    }
    const cities = await json('/api/places?kind=city&limit=400');
    cities.features.sort((a, b) => (b.properties.population || 0) - (a.properties.population || 0));
    for (const f of cities.features.slice(0, 60)) {
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], { renderer: baseCanvas, radius: 2.5, color: '#333', weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: false })
        .bindTooltip(esc(placeName(f.properties.id, f.properties.name)), { permanent: true, direction: 'right', offset: [4, 0], className: 'label-city', pane: 'labels' })
        .addTo(layers.labels).options.minZoom = (f.properties.population || 0) > 1000000 ? 5 : 7;
    }
    await this.overlays();
  }

  /** The Durand Line with its label and the crossings' symbols: drawn over either basemap. */
  async overlays() {
    const { layers, baseCanvas, config } = this;
    // the Durand Line and the crossings named in the reader's script: the names load beside the border
    const [border] = await Promise.all([answer(borderRequest, '/api/places?kind=border'), loadPlaces()]);
    L.geoJSON(border, { renderer: baseCanvas, style: { color: '#8b2e16', weight: 2.5, dashArray: '8 5' }, interactive: false }).addTo(layers.border);
    for (const f of border.features) {
      const line = f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      const [lon, lat] = line[Math.floor(line.length * 0.3)];
      const marker = L.marker([lat, lon], { opacity: 0, interactive: false, keyboard: false, icon: L.divIcon({ className: '', iconSize: [0, 0] }) })
        .bindTooltip(esc(MSG.contestedBorder(placeName(f.properties.id, f.properties.name))), { permanent: true, direction: 'right', className: 'label-border' })
        .addTo(layers.border);
      const place = () => placeOnLine(this.map, marker, line);
      this.map.on('moveend zoomend resize', place);
      place();
    }
    const crossings = await answer(crossingsRequest, '/api/places?kind=crossing');
    for (const f of crossings.features) {
      const [lon, lat] = f.geometry.coordinates;
      // not interactive: a crossing must never catch the click meant for an incident reported at it
      const m = L.marker([lat, lon], {
        icon: L.divIcon({ className: '', html: '<div class="crossing-icon"></div>', iconSize: [14, 14], iconAnchor: [7, 7] }),
        interactive: false, keyboard: false, pane: 'crossings',
      });
      if (!config.labels) { // the label tiles name the crossings: never twice
        m.bindTooltip(esc(MSG.crossing(placeName(f.properties.id, f.properties.name))), { permanent: true, direction: 'left', offset: [-8, 0], className: 'label-city' });
      }
      m.addTo(layers.crossings).options.minZoom = 8;
    }
    this.showLabelsForZoom();
  }

  /** The vector labels and the crossings' names show from their minZoom on. */
  showLabelsForZoom() {
    const z = this.map.getZoom();
    [...this.layers.labels.getLayers(), ...this.layers.crossings.getLayers()].forEach((l) => {
      const show = z >= (l.options.minZoom || 0);
      const tip = l.getTooltip && l.getTooltip();
      if (tip) {
        if (show && !tip.isOpen()) {
          l.openTooltip();
        } else if (!show && tip.isOpen()) {
          l.closeTooltip();
        }
      }
    });
  }
}

/**
 * Moves a line's label to a point of the line where it fits in the map, beside the line and clear of the map's
 * controls (zoom, layers, legend, scale, attribution, an embed's title): the label stood at 30 % along the Durand
 * Line, to its right, and a 300 × 250 embed cut it off ("Durand Line · contested b") or its legend button hid it.
 * Of the line's vertices in view it takes the one nearest that 30 % whose label fits on either side.
 */
function placeOnLine(map, marker, line) {
  const tip = marker.getTooltip();
  const el = tip && tip.getElement();
  if (!el) {
    return;
  }
  const size = map.getSize();
  const box = map.getContainer().getBoundingClientRect();
  const controls = [...document.querySelectorAll('.leaflet-control, .embed-credit')]
    .map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ l: r.left - box.left, r: r.right - box.left, t: r.top - box.top, b: r.bottom - box.top }));
  const [w, h, pad, gap] = [el.offsetWidth, el.offsetHeight, 4, 12];
  const free = (l, t) => l >= pad && t >= pad && l + w <= size.x - pad && t + h <= size.y - pad
    && controls.every((c) => l + w <= c.l || l >= c.r || t + h <= c.t || t >= c.b);
  const home = Math.floor(line.length * 0.3);
  let best = null;
  line.forEach(([lon, lat], k) => {
    if (best && Math.abs(k - home) >= Math.abs(best.k - home)) {
      return;
    }
    const p = map.latLngToContainerPoint([lat, lon]);
    const side = free(p.x + gap, p.y - h / 2) ? 'right' : free(p.x - gap - w, p.y - h / 2) ? 'left' : null;
    if (side) {
      best = { k, side, latlng: [lat, lon] };
    }
  });
  if (!best) {
    return;
  }
  tip.options.direction = best.side;
  marker.setLatLng(best.latlng);
  tip.update();
}
