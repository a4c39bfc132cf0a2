// The viewer's map: incidents over time, every claim side by side. Plain ES modules; Leaflet comes
// from its webjar and the basemap from this server: the page loads nothing from any other host.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import Supercluster from '/vendor/supercluster/index.js';
import { Timeline } from './timeline.js';
import { renderPanel } from './panel.js';
import { TYPE_NAMES, PARTY_NAMES, dayOf, dayToIso, isoToDay, esc, killedRange } from './format.js';

const EMBED = location.pathname.startsWith('/embed');
const TYPE_COLOURS = {
  air_strike: '#c0392b', armed_clash: '#8e44ad', shelling: '#d35400', suicide_bomb: '#2c3e50',
  remote_explosive: '#7f8c8d', shoot_down_claim: '#16a085', cross_border_fire: '#b7950b', other: '#95a5a6',
};
const HOME = { center: [32.8, 68.6], zoom: 6 };
const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ state (the permalink)

const state = readState(new URLSearchParams(location.search));

function readState(q) {
  // the permalink's short names (c, z, t, i) and the embed's documented long ones (center, zoom, datetime)
  const c = (q.get('c') || q.get('center') || '').split(',').map(Number);
  const t = q.get('t') ? q.get('t').split('..') : (q.get('datetime') || '').split('/').map((d) => d.slice(0, 10));
  if (!q.get('z') && q.get('zoom')) {
    q.set('z', q.get('zoom'));
  }
  return {
    asof: /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(q.get('asof') || '') ? q.get('asof') : null,
    title: (q.get('title') || '').slice(0, 120),
    layers: q.get('layers') ? new Set(q.get('layers').split(',')) : null,
    center: c.length === 2 && c.every(Number.isFinite) ? c : HOME.center,
    zoom: Number.isFinite(Number(q.get('z'))) && q.get('z') ? Number(q.get('z')) : HOME.zoom,
    window: t.length === 2 && /^\d{4}-\d\d-\d\d$/.test(t[0]) && /^\d{4}-\d\d-\d\d$/.test(t[1]) ? [isoToDay(t[0]), isoToDay(t[1])] : null,
    types: new Set((q.get('type') || '').split(',').filter((x) => TYPE_NAMES[x])),
    party: PARTY_NAMES[q.get('party')] ? q.get('party') : '',
    contested: q.get('contested') === '1',
    incident: q.get('i') || null,
  };
}

function stateParams() {
  const q = new URLSearchParams();
  const c = map.getCenter();
  q.set('c', `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`);
  q.set('z', String(map.getZoom()));
  if (!timeline.isAll()) {
    q.set('t', `${dayToIso(timeline.start)}..${dayToIso(timeline.end)}`);
  }
  if (state.types.size) {
    q.set('type', [...state.types].join(','));
  }
  if (state.party) {
    q.set('party', state.party);
  }
  if (state.contested) {
    q.set('contested', '1');
  }
  if (state.incident) {
    q.set('i', state.incident);
  }
  if (state.asof) {
    q.set('asof', state.asof);
  }
  if (state.title) {
    q.set('title', state.title);
  }
  return q;
}

let urlTimer = null;
function saveState() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => history.replaceState(null, '', `${location.pathname}?${stateParams()}`), 150);
}

// ------------------------------------------------------------------ map and basemap

const map = L.map('map', { preferCanvas: true, zoomSnap: 0.5, minZoom: 4, maxZoom: 13, worldCopyJump: false })
  .setView(state.center, state.zoom);
map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
map.attributionControl.addAttribution('Boundaries &amp; places: <a href="https://www.naturalearthdata.com">Natural Earth</a>, '
  + '<a href="https://www.geonames.org">GeoNames</a> (CC BY 4.0)');
// panes, bottom to top: basemap 250, areas 390, crossings 410 (under incidents reported at them), points 420, labels 450
map.createPane('basemap').style.zIndex = 250;
map.createPane('areas').style.zIndex = 390;
map.createPane('crossings').style.zIndex = 410;
map.createPane('points').style.zIndex = 420;
map.createPane('labels').style.zIndex = 450;
map.getPane('labels').style.pointerEvents = 'none';
const baseCanvas = L.canvas({ pane: 'basemap', padding: 0.3 });
const canvas = L.canvas({ pane: 'points', padding: 0.3 });
const areaRenderer = L.svg({ pane: 'areas', padding: 0.3 });

const layers = {
  basemap: L.layerGroup().addTo(map),
  provinces: L.layerGroup().addTo(map),
  labels: L.layerGroup().addTo(map),
  border: L.layerGroup().addTo(map),
  crossings: L.layerGroup().addTo(map),
  areas: L.layerGroup().addTo(map),
  points: L.layerGroup().addTo(map),
  highlight: L.layerGroup().addTo(map),
};

async function json(url) {
  const r = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!r.ok) {
    throw new Error(`${url}: ${r.status}`);
  }
  return r.json();
}

async function loadBasemap(config) {
  if (config.basemap) {
    L.tileLayer(config.basemap, { maxZoom: 13, detectRetina: true }).addTo(layers.basemap);
  } else {
    const countries = await json('/api/places?kind=country&limit=50');
    L.geoJSON(countries, {
      renderer: baseCanvas, interactive: false,
      style: (f) => ({
        color: '#9aa3a9', weight: 1, fillOpacity: 1,
        fillColor: ['AF', 'PK'].includes(f.properties.country) ? '#f4f1ea' : '#e6e3dc',
      }),
    }).addTo(layers.basemap);
  }
  if (config.basemap) {
    await loadOverlays();
    return;
  }
  const provinces = await json('/api/places?kind=province&limit=200');
  L.geoJSON(provinces, {
    renderer: baseCanvas, interactive: false,
    style: { color: '#b5b0a5', weight: 0.8, fill: false, dashArray: '3 3' },
  }).addTo(layers.provinces);
  for (const f of provinces.features) {
    const centre = L.geoJSON(f).getBounds().getCenter();
    L.marker(centre, { pane: 'labels', interactive: false, keyboard: false, opacity: 0, icon: L.divIcon({ className: '', iconSize: [0, 0] }) })
      .bindTooltip(esc(f.properties.name), { permanent: true, direction: 'center', className: 'label-province', pane: 'labels' })
      .addTo(layers.labels)
      .options.minZoom = 7;
  }
  const cities = await json('/api/places?kind=city&limit=400');
  cities.features.sort((a, b) => (b.properties.population || 0) - (a.properties.population || 0));
  for (const f of cities.features.slice(0, 60)) {
    const [lon, lat] = f.geometry.coordinates;
    L.circleMarker([lat, lon], { renderer: baseCanvas, radius: 2.5, color: '#333', weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: false })
      .bindTooltip(esc(f.properties.name), { permanent: true, direction: 'right', offset: [4, 0], className: 'label-city', pane: 'labels' })
      .addTo(layers.labels).options.minZoom = (f.properties.population || 0) > 1000000 ? 5 : 7;
  }
  await loadOverlays();
}

/** The Durand Line's label and the crossings: drawn over either basemap. */
async function loadOverlays() {
  const border = await json('/api/places?kind=border');
  if (!config.basemap) {
    L.geoJSON(border, { renderer: baseCanvas, style: { color: '#8b2e16', weight: 2.5, dashArray: '8 5' }, interactive: false }).addTo(layers.border);
  }
  for (const f of border.features) {
    const line = f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    const [lon, lat] = line[Math.floor(line.length * 0.3)];
    L.marker([lat, lon], { opacity: 0, interactive: false, keyboard: false, icon: L.divIcon({ className: '', iconSize: [0, 0] }) })
      .bindTooltip(`${esc(f.properties.name)} · contested border`, { permanent: true, direction: 'right', className: 'label-border' })
      .addTo(layers.border);
  }
  const crossings = await json('/api/places?kind=crossing');
  for (const f of crossings.features) {
    const [lon, lat] = f.geometry.coordinates;
    // not interactive: a crossing must never catch the click meant for an incident reported at it
    L.marker([lat, lon], {
      icon: L.divIcon({ className: '', html: '<div class="crossing-icon"></div>', iconSize: [14, 14], iconAnchor: [7, 7] }),
      interactive: false, keyboard: false, pane: 'crossings',
    }).bindTooltip(`${esc(f.properties.name)} crossing`, { permanent: true, direction: 'left', offset: [-8, 0], className: 'label-city' })
      .addTo(layers.crossings).options.minZoom = 8;
  }
  showLabelsForZoom();
}

function showLabelsForZoom() {
  const z = map.getZoom();
  [...layers.labels.getLayers(), ...layers.crossings.getLayers()].forEach((l) => {
    const show = z >= (l.options.minZoom || 0);
    const tip = l.getTooltip();
    if (tip) {
      if (show && !tip.isOpen()) {
        l.openTooltip();
      } else if (!show && tip.isOpen()) {
        l.closeTooltip();
      }
    }
  });
}
map.on('zoomend', showLabelsForZoom);

L.control.layers(null, {
  'Incidents (points and clusters)': layers.points,
  'Incident areas (province-level and wider)': layers.areas,
  'Durand Line': layers.border,
  'Border crossings': layers.crossings,
  'Province boundaries': layers.provinces,
  'Labels': layers.labels,
}, { collapsed: true, position: 'topright' }).addTo(map);

const legend = L.control({ position: 'bottomright' });
legend.onAdd = () => {
  const div = L.DomUtil.create('div', 'legend');
  div.innerHTML = Object.entries(TYPE_NAMES).map(([k, v]) => `<div><i style="background:${TYPE_COLOURS[k]};border-radius:50%;width:10px"></i>${v}</div>`).join('')
    + '<div><i style="background:rgba(217,130,43,.25);border:1px dashed #d9822b"></i>Area (province-level report)</div>'
    + '<div><i style="border:2px solid #b03a2e;border-radius:50%;width:10px;background:#fff"></i>Contested figures</div>'
    + '<div><i style="border-top:2px dashed #8b2e16;height:0"></i>Durand Line</div>'
    + '<div><i class="crossing-icon" style="width:9px;height:9px;border-width:2px"></i>Border crossing</div>';
  return div;
};
legend.addTo(map);

// ------------------------------------------------------------------ incidents

let incidents = [];
let visible = [];
let index = null;

function filtered() {
  return incidents.filter((f) => {
    const p = f.properties;
    if (f.dayEnd < timeline.start || f.dayStart > timeline.end) {
      return false;
    }
    if (state.types.size && !state.types.has(p.type)) {
      return false;
    }
    if (state.party && !(p.parties || p.claims.map((c) => c.party)).includes(state.party)) {
      return false;
    }
    return !state.contested || p.contested;
  });
}

function killedOf(p) {
  if (!p.claims) { // the lean map view carries the range, not the claims
    return { kmin: p.killed_min ?? Infinity, kmax: p.killed_max ?? -1 };
  }
  let min = Infinity;
  let max = -1;
  for (const c of p.claims) {
    if (c.killed !== null && c.killed !== undefined) {
      min = Math.min(min, c.killed);
      max = Math.max(max, c.killed);
    }
  }
  return { kmin: min, kmax: max };
}

function refresh() {
  visible = filtered();
  const points = visible.filter((f) => f.geometry.type === 'Point');
  const areas = visible.filter((f) => f.geometry.type !== 'Point');
  index = new Supercluster({
    radius: 56, maxZoom: 11,
    map: (p) => ({ kmin: p.kmin, kmax: p.kmax }),
    reduce: (acc, p) => { acc.kmin = Math.min(acc.kmin, p.kmin); acc.kmax = Math.max(acc.kmax, p.kmax); },
  });
  index.load(points.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.id, ...killedOf(f.properties) } })));
  layers.areas.clearLayers();
  L.geoJSON({ type: 'FeatureCollection', features: areas }, {
    pane: 'areas', renderer: areaRenderer,
    style: (f) => {
      const line = f.geometry.type.includes('Line');
      const country = f.properties.geo_precision === 'country';
      const colour = TYPE_COLOURS[f.properties.type] || '#d9822b';
      // a country-level report says "somewhere in this country": a faint outline, not a flood of colour
      return {
        color: colour, weight: line ? 7 : country ? 1 : 1.5, opacity: line ? 0.45 : 0.9, dashArray: line ? null : '5 4',
        fillColor: colour, fillOpacity: country ? 0.02 : 0.13,
      };
    },
    onEachFeature: (f, layer) => {
      layer.on('click', () => select(f.id));
      layer.bindTooltip(`${esc(f.properties.title)}<br><small>${esc(killedRange(...Object.values(killedOf(f.properties)).map((v) => (Number.isFinite(v) ? v : null))) || 'no killed figure claimed')}</small>`, { sticky: true });
    },
  }).addTo(layers.areas);
  drawPoints(true);
  const m = $('map');
  m.dataset.visibleCount = String(visible.length);
  m.dataset.visibleIds = visible.map((f) => f.id).join(' ');
  $('window-label').textContent = `${timeline.words()} · ${visible.length} incident${visible.length === 1 ? '' : 's'} shown`
    + (visible.length < incidents.length ? ` of ${incidents.length}` : '');
  $('filter-count').textContent = state.types.size + (state.party ? 1 : 0) + (state.contested ? 1 : 0) ? '•' : '';
  if (state.incident) {
    highlight(state.incident);
  }
  saveState();
}

// markers on the map by key ("c" + cluster id, "p" + incident id); a move adds and removes only the
// markers that came into or left view, so panning does not rebuild the layer (a new index clears it)
let drawn = new Map();

function drawPoints(rebuild = false) {
  if (!index) {
    return;
  }
  if (rebuild) {
    layers.points.clearLayers();
    drawn = new Map();
  }
  const b = map.getBounds();
  const clusters = index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], Math.round(map.getZoom()));
  const next = new Map();
  for (const c of clusters) {
    const key = c.properties.cluster ? `c${c.properties.cluster_id}` : `p${c.properties.id}`;
    const kept = drawn.get(key);
    if (kept) {
      next.set(key, kept);
      drawn.delete(key);
      continue;
    }
    next.set(key, marker(c).addTo(layers.points));
  }
  for (const gone of drawn.values()) {
    layers.points.removeLayer(gone);
  }
  drawn = next;
}

function marker(c) {
  const [lon, lat] = c.geometry.coordinates;
  if (c.properties.cluster) {
    const n = c.properties.point_count;
    const range = killedRange(Number.isFinite(c.properties.kmin) ? c.properties.kmin : null, c.properties.kmax >= 0 ? c.properties.kmax : null);
    const size = Math.min(74, 34 + Math.log2(n) * 6);
    const text = `${n} incidents${range ? ` · ${range}` : ''}`;
    return L.marker([lat, lon], {
      icon: L.divIcon({ className: '', html: `<div class="cluster" style="width:${size}px;height:${size}px" title="${esc(text)}"><b>${n}</b>${range ? `<span>${esc(range.replace(' claimed', ''))}</span>` : ''}</div>`, iconSize: [size, size] }),
      title: text, alt: text, riseOnHover: true,
    }).on('click', () => map.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(c.properties.cluster_id), 12)))
      .bindTooltip(esc(text), { direction: 'top' });
  } else {
    const f = incidents.byId.get(c.properties.id);
    const p = f.properties;
    return L.circleMarker([lat, lon], {
      renderer: canvas, radius: 7, weight: p.contested ? 3 : 1.5, color: p.contested ? '#b03a2e' : '#fff',
      fillColor: TYPE_COLOURS[p.type] || '#555', fillOpacity: 0.92,
    }).on('click', () => select(f.id))
      .bindTooltip(`${esc(p.title)}<br><small>${esc(killedRange(...Object.values(killedOf(p)).map((v) => (Number.isFinite(v) && v >= 0 ? v : null))) || 'no killed figure claimed')}</small>`);
  }
}
map.on('moveend', () => {
  drawPoints();
  saveState();
});

// ------------------------------------------------------------------ selection and panel

const details = new Map(); // full Features fetched for the panel, by id

async function select(id) {
  state.incident = id;
  let f = incidents.byId.get(id);
  if (!f || !f.properties.claims) {
    try {
      f = details.get(id) || await json(`/api/incidents/${encodeURIComponent(id)}`);
      details.set(id, f);
    } catch (e) {
      state.incident = null;
      saveState();
      return;
    }
    if (state.incident !== id) {
      return; // another incident was chosen while this one loaded
    }
  }
  $('panel-body').innerHTML = renderPanel(f.properties);
  $('panel').hidden = false;
  map.invalidateSize();
  highlight(id, f);
  saveState();
}

function highlight(id, f = incidents.byId.get(id)) {
  layers.highlight.clearLayers();
  if (f) {
    L.geoJSON(f, {
      interactive: false,
      pointToLayer: (_, ll) => L.circleMarker(ll, { radius: 13, color: '#f0a500', weight: 3, fill: false }),
      style: { color: '#f0a500', weight: 3, fill: false },
    }).addTo(layers.highlight);
  }
}

function closePanel() {
  state.incident = null;
  $('panel').hidden = true;
  layers.highlight.clearLayers();
  map.invalidateSize();
  saveState();
}
$('panel-close').addEventListener('click', closePanel);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('panel').hidden) {
    closePanel();
  }
});

// ------------------------------------------------------------------ timeline

const timeline = new Timeline($('histogram'), { onChange: () => refresh() });
$('play').addEventListener('click', () => {
  if (timeline.playing()) {
    timeline.pause();
  } else {
    timeline.play();
    $('play').textContent = '⏸';
    $('play').setAttribute('aria-label', 'Pause');
  }
});
$('histogram').addEventListener('paused', () => {
  $('play').textContent = '▶';
  $('play').setAttribute('aria-label', 'Play through the days');
});
$('window-all').addEventListener('click', () => {
  timeline.pause();
  timeline.set(timeline.min, timeline.max);
});

// ------------------------------------------------------------------ filters and search

function buildFilters() {
  $('type-filters').innerHTML = Object.entries(TYPE_NAMES).map(([k, v]) =>
    `<label><input type="checkbox" name="type" value="${k}" ${state.types.has(k) ? 'checked' : ''}> <span style="color:${TYPE_COLOURS[k]}">●</span> ${v}</label>`).join('');
  $('party-filter').innerHTML = '<option value="">any party</option>' + Object.entries(PARTY_NAMES).map(([k, v]) =>
    `<option value="${k}" ${state.party === k ? 'selected' : ''}>${v}</option>`).join('');
  $('contested-filter').checked = state.contested;
  $('type-filters').addEventListener('change', () => {
    state.types = new Set([...document.querySelectorAll('#type-filters input:checked')].map((i) => i.value));
    refresh();
  });
  $('party-filter').addEventListener('change', (e) => {
    state.party = e.target.value;
    refresh();
  });
  $('contested-filter').addEventListener('change', (e) => {
    state.contested = e.target.checked;
    refresh();
  });
}

$('search').addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = $('search-input').value.trim();
  if (!q) {
    return;
  }
  const status = $('search-status');
  let fc = null;
  fc = await json(`${config.geocoder}?q=${encodeURIComponent(q)}&limit=1`).catch(() => null);
  const f = fc && fc.features && fc.features[0];
  if (!f) {
    status.textContent = `No place called “${q}” in the gazetteer`;
    $('search-input').setCustomValidity('No such place');
    $('search-input').reportValidity();
    return;
  }
  $('search-input').setCustomValidity('');
  status.textContent = `Showing ${f.properties.name}`;
  const bounds = L.geoJSON(f).getBounds();
  map.flyToBounds(bounds.pad(0.2), { maxZoom: 10 });
});
$('search-input').addEventListener('input', () => $('search-input').setCustomValidity(''));

// ------------------------------------------------------------------ embed

$('embed-button').addEventListener('click', () => {
  const url = `${location.origin}/embed?${stateParams()}`;
  $('embed-code').value = `<iframe src="${url}" width="800" height="560" style="border:0;max-width:100%" `
    + 'title="Map: Afghanistan–Pakistan border conflict incidents" loading="lazy" allowfullscreen></iframe>';
  $('embed-preview').href = url;
  $('embed-dialog').showModal();
  $('embed-code').select();
});
$('embed-copy').addEventListener('click', async () => {
  $('embed-code').select();
  try {
    await navigator.clipboard.writeText($('embed-code').value);
    $('embed-copy').textContent = 'Copied';
  } catch (e) {
    document.execCommand('copy');
  }
});

// ------------------------------------------------------------------ start

let config = { basemap: null, geocoder: '/api/places' };

async function start() {
  if (EMBED) {
    document.body.classList.add('embed');
    const credit = document.createElement('a');
    credit.className = 'embed-credit';
    credit.href = `/?${new URLSearchParams(location.search)}`;
    credit.target = '_blank';
    credit.rel = 'noopener';
    credit.textContent = `${state.title || 'Afghanistan–Pakistan border conflict'}${state.asof ? ` · data as of ${state.asof.slice(0, 16).replace('T', ' ')}` : ''} · open the full map`;
    $('layout').appendChild(credit);
  }
  buildFilters();
  config = await json('/webmap/config.json');
  const basemap = loadBasemap(config).catch((e) => console.warn('basemap', e));
  // the lean view: what markers, filters and the timeline need; the panel fetches the rest on click.
  // A pinned embed (asof) loads full Features, since the panel must show the claims as they were then.
  const fc = await json(`/api/incidents?limit=100000${state.asof ? `&asof=${encodeURIComponent(state.asof)}` : '&view=map'}`);
  if (state.layers) {
    const names = { incidents: 'points', areas: 'areas', border: 'border', crossings: 'crossings', labels: 'labels', provinces: 'provinces' };
    for (const [name, key] of Object.entries(names)) {
      if (!state.layers.has(name) && !(name === 'areas' && state.layers.has('incidents'))) {
        map.removeLayer(layers[key]);
      }
    }
  }
  incidents = fc.features;
  incidents.byId = new Map(incidents.map((f) => [f.id, f]));
  for (const f of incidents) {
    f.dayStart = dayOf(f.properties.occurred.start);
    f.dayEnd = dayOf(f.properties.occurred.end);
  }
  timeline.setData(incidents.map((f) => [f.dayStart, f.dayEnd]), state.window);
  refresh();
  if (state.incident) {
    select(state.incident);
  }
  await basemap;
  document.body.dataset.ready = 'true';
}
start();

window.conflictMap = { map, layers, state, timeline, select, incident: (id) => incidents.byId.get(id) };
