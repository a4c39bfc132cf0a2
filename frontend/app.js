// The viewer's map: incidents over time, every claim side by side. Plain ES modules; Leaflet comes
// from its webjar and the basemap from this server: the page loads nothing from any other host.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import Supercluster from '/vendor/supercluster/index.js';
import { Timeline } from './timeline.js';
import { renderPanel } from './panel.js';
import { followChanges } from './live.js';
import { IncidentList } from './list.js';
import { AreaLayer } from './areas.js';
import { Basemap, json } from './basemap.js';
import { PIN, incidentsAnswer, configAnswer } from './load.js';
import { embedPage, embedDialog, pinWords } from './embed.js';
import { layerSwitcher } from './overlays.js';
import { MSG } from './messages.js';
import { side, languageMenu, DIR } from './i18n.js';
import { loadPlaces, placeName } from './places.js';
import { TYPE_STYLE, symbolSvg, clusterSvg } from './symbols.js';
import { TYPE_NAMES, PARTY_NAMES, boundDay, dayToIso, isoToDay, esc, killedRange, countDay } from './format.js';

const EMBED = location.pathname.startsWith('/embed');
const HOME = { center: [32.8, 68.6], zoom: 6 };
/** What the home view must hold (lon/lat west, south, east, north): the incidents' region; a small map is zoomed out to it. */
const HOME_BBOX = [61.5, 29.0, 74.5, 37.5];
const PHONE = window.matchMedia('(max-width: 700px)');
/** The clustering radius in px; a cluster's disc is never wider than it, so discs never pile up. */
const CLUSTER_RADIUS = 60;
const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ strings

for (const el of document.querySelectorAll('[data-msg]')) {
  el.textContent = MSG[el.dataset.msg];
}
for (const el of document.querySelectorAll('[data-msg-label]')) {
  el.setAttribute('aria-label', MSG[el.dataset.msgLabel]);
}
for (const el of document.querySelectorAll('[data-msg-placeholder]')) {
  el.setAttribute('placeholder', MSG[el.dataset.msgPlaceholder]);
}
document.title = `${MSG.pageTitle} · Conflict Map`;
languageMenu($('lang-menu'));
if (document.documentElement.lang !== 'en') {
  $('about-link').search = `?lang=${encodeURIComponent(document.documentElement.lang)}`;
}

// ------------------------------------------------------------------ state (the permalink)

/** The map's area (lon/lat bounds, widened by 5° as the server's /map.png reads centres). */
const AREA = [55.5, 18.6, 82.9, 43.5];
const inArea = (lon, lat) => lon >= AREA[0] && lon <= AREA[2] && lat >= AREA[1] && lat <= AREA[3];

const state = readState(new URLSearchParams(location.search));

/**
 * A centre is lon,lat everywhere (as bbox, GeoJSON and /map.png); the lat,lon order of the first
 * permalinks is still read when only that order falls in the map's area. Returns Leaflet's [lat, lon].
 */
function readCentre(text) {
  const c = (text || '').split(',').map(Number);
  if (c.length !== 2 || !c.every(Number.isFinite)) {
    return null;
  }
  const [a, b] = c;
  return !inArea(a, b) && inArea(b, a) ? [a, b] : [b, a];
}

/** A bbox west,south,east,north around a centre in the map's area, or null. */
function readBbox(text) {
  const b = (text || '').split(',').map(Number);
  return b.length === 4 && b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3] && inArea((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) ? b : null;
}

function readState(q) {
  // the permalink's short names (c, z, t, i) and the embed's documented long ones (center, zoom, datetime)
  const c = readCentre(q.get('c') || q.get('center'));
  const t = q.get('t') ? q.get('t').split('..') : (q.get('datetime') || '').split('/').map((d) => d.slice(0, 10));
  if (!q.get('z') && q.get('zoom')) {
    q.set('z', q.get('zoom'));
  }
  return {
    asof: PIN,
    title: (q.get('title') || '').slice(0, 120),
    layers: q.get('layers') ? new Set(q.get('layers').split(',')) : null,
    center: c || HOME.center,
    // the view as a box: the Embed dialog writes the view it was made from, so that an iframe of another
    // size shows the same area (a centre and zoom made at 1400 px showed a 300 px embed a twentieth of it)
    bbox: readBbox(q.get('bbox')),
    home: !c && !q.get('z') && !readBbox(q.get('bbox')),
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
  q.set('c', `${c.lng.toFixed(4)},${c.lat.toFixed(4)}`);
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
  if (state.layers) {
    q.set('layers', [...state.layers].join(','));
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

/** The filters in words, for the embed's visible note and the dialog ("" when none). */
function filterNote() {
  const parts = [timeline.words()];
  if (state.types.size) {
    parts.push(MSG.filterTypes([...state.types].map((t) => TYPE_NAMES[t])));
  }
  if (state.party) {
    parts.push(MSG.filterByParty(PARTY_NAMES[state.party]));
  }
  if (state.contested) {
    parts.push(MSG.filterContested);
  }
  return MSG.filterNote(parts);
}

let urlTimer = null;
function saveState() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => history.replaceState(null, '', `${location.pathname}?${stateParams()}`), 150);
}

// ------------------------------------------------------------------ map and basemap

const map = L.map('map', { zoomSnap: 0.5, minZoom: 4, maxZoom: 13, worldCopyJump: false, keyboard: true })
  .setView(state.center, state.zoom);
const boxBounds = (b) => L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
/** The view a box asks for; the home view, zoomed out on a small map (a phone, an embed) until it holds the incidents' region. */
function fitView() {
  if (state.bbox) {
    map.fitBounds(boxBounds(state.bbox), { animate: false });
  } else if (state.home) {
    map.setView(HOME.center, HOME.zoom, { animate: false });
    if (!map.getBounds().contains(boxBounds(HOME_BBOX))) {
      map.fitBounds(boxBounds(HOME_BBOX), { animate: false });
    }
  }
}
fitView();
// Leaflet follows the window's size only. An embed's map follows its box (drawn for a smaller box, its lower
// part had no tiles), also after it is ready: the page's own layout can still move (Leaflet 833 px high in an
// 814 px box once, at 1400x900) and a story's responsive frame is resized by its host. Until the reader touches
// the map it fits the view again. Only in an embed: on the full page the same observer left the permalink's
// centre a fraction of a pixel off (WebMapBrowserTest.thePermalinkRoundTrips)
let refit = true;
if (EMBED) {
  new ResizeObserver(() => {
    map.invalidateSize({ animate: false });
    if (refit && (state.bbox || state.home)) {
      fitView();
    }
  }).observe(document.getElementById('map'));
}
for (const type of ['pointerdown', 'wheel', 'keydown']) {
  map.getContainer().addEventListener(type, () => { refit = false; }, { once: true, capture: true });
}
// right to left, the corners are mirrored (side): zoom top right, legend bottom left
map.zoomControl.setPosition(side('topleft'));
map.attributionControl.setPosition(side('bottomright'));
map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
map.attributionControl.addAttribution(MSG.attribution);
// panes, bottom to top: basemap 250, areas 390, crossings 410 (under incidents reported at them),
// labels 450, then Leaflet's marker pane (600) with the points and clusters: DOM markers catch only
// their own symbol, so an area or a border line under them stays clickable
map.createPane('basemap').style.zIndex = 250;
map.createPane('areas').style.zIndex = 390;
map.createPane('crossings').style.zIndex = 410;
map.createPane('labels').style.zIndex = 450;
map.getPane('labels').style.pointerEvents = 'none';
const baseCanvas = L.canvas({ pane: 'basemap', padding: 0.3 });
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

const basemap = new Basemap(map, layers, baseCanvas);

// ------------------------------------------------------------------ controls

// the scale bar in the reader's words and digits: Leaflet writes only English "500 m" and "2 km"
const scaleBar = L.control.scale({ imperial: false, position: side('bottomleft') });
scaleBar._updateMetric = function updateMetric(maxMeters) {
  const meters = this._getRoundNum(maxMeters);
  this._updateScale(this._mScale, MSG.km(meters / 1000), meters / maxMeters);
};
scaleBar.addTo(map);

const asOf = L.control({ position: side('bottomleft') });
asOf.onAdd = () => L.DomUtil.create('div', 'data-as-of');
asOf.addTo(map);

// on a narrow map (a phone, a small embed) the attribution runs under the scale bar and the "data as of"
// line: their corner then sits on top of it
const attribution = map.attributionControl.getContainer();
const otherCorner = scaleBar.getContainer().parentElement;
const lifted = new ResizeObserver(() => {
  const a = attribution.getBoundingClientRect();
  const c = otherCorner.getBoundingClientRect();
  otherCorner.style.bottom = a.height && a.left < c.right && a.right > c.left ? `${a.height}px` : '';
});
lifted.observe(attribution);
lifted.observe(otherCorner);

const legend = L.control({ position: side('bottomright') });
legend.onAdd = () => {
  const div = L.DomUtil.create('details', 'legend');
  div.open = !PHONE.matches && !EMBED && window.innerHeight >= 900;
  div.innerHTML = `<summary>${esc(MSG.legend)}</summary><ul>`
    + Object.keys(TYPE_STYLE).map((k) => `<li>${symbolSvg(k, 14)}${esc(TYPE_NAMES[k])}</li>`).join('')
    + `<li>${clusterSvg(Object.fromEntries(Object.keys(TYPE_STYLE).slice(0, 3).map((k, i) => [k, i ? 1 : 2])), 4, 22)}${esc(MSG.legendCluster)}</li>`
    + `<li><i class="key-area"></i>${esc(MSG.legendArea)}</li>`
    + `<li><i class="key-country"></i>${esc(MSG.legendCountry)}</li>`
    + `<li><i class="key-segment"></i>${esc(MSG.legendSegment)}</li>`
    + `<li>${symbolSvg('other', 14, true)}${esc(MSG.legendContested)}</li>`
    + `<li><i class="key-border"></i>${esc(MSG.legendBorder)}</li>`
    + `<li><i class="crossing-icon key-crossing"></i>${esc(MSG.legendCrossing)}</li></ul>`;
  L.DomEvent.disableClickPropagation(div);
  L.DomEvent.disableScrollPropagation(div);
  return div;
};
legend.addTo(map);

/**
 * The layer switcher lists the server's layers (config.json: the layers registry, overlays.js); these
 * collections the page draws itself. It offers only what it can switch: over the raster basemap the
 * province boundaries are part of the base tiles, so only the vector fallback lists them.
 */
function ownDrawings(cfg) {
  return {
    incidents: [[MSG.layerPoints, layers.points], [MSG.layerAreas, layers.areas]],
    places: [[MSG.layerLabels, layers.labels]],
    provinces: cfg.base ? [] : [[MSG.layerProvinces, layers.provinces]],
    crossings: [[MSG.layerCrossings, layers.crossings]],
    border: [[MSG.layerBorder, layers.border]],
  };
}

// ------------------------------------------------------------------ incidents

let incidents = [];
let visible = [];
let index = null;
let dataTime = null; // the moment the data shown was read (the server's), or the pin

function filtered() {
  return incidents.filter((f) => {
    const p = f.properties;
    if (f.dayEnd < timeline.start || f.dayStart > timeline.end) {
      return false;
    }
    if (state.types.size && !state.types.has(p.type)) {
      return false;
    }
    if (state.party && !p.parties.includes(state.party)) {
      return false;
    }
    return !state.contested || p.contested;
  });
}

/** Incidents in the window whose extent meets the map's view, for the list. */
function inView() {
  const b = map.getBounds();
  const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  return visible.filter((f) => f.bbox[0] <= e && f.bbox[2] >= w && f.bbox[1] <= n && f.bbox[3] >= s);
}

function refresh() {
  visible = filtered();
  const points = [];
  const areas = [];
  for (const f of visible) {
    (f.geometry.type === 'Point' ? points : areas).push(f);
  }
  index = clusterIndex(points);
  areaLayer.draw(areas);
  drawPoints();
  const m = $('map');
  m.dataset.visibleCount = String(visible.length);
  m.dataset.visibleIds = visible.map((f) => f.id).join(' ');
  $('window-label').textContent = MSG.shown(timeline.words(), visible.length, incidents.length);
  $('filter-count').textContent = state.types.size + (state.party ? 1 : 0) + (state.contested ? 1 : 0) ? '•' : '';
  if (credit) {
    credit.update();
  }
  drawList();
  if (state.incident) {
    highlight(state.incident);
  }
  saveState();
}

/**
 * The clusters of these points, kept for the last few windows and filters: "All dates" and going back
 * and forth in time reuse an index (9,500 points take ~50-100 ms to cluster here; a day's, 4 ms).
 */
const indexCache = new Map();
let indexCount = 0;
function clusterIndex(points) {
  const key = `${timeline.start}..${timeline.end}|${[...state.types].join()}|${state.party}|${state.contested}`;
  let i = indexCache.get(key);
  if (!i) {
    // a cluster's properties are flat (its type counts under "t:<type>"): Supercluster copies them
    // shallowly, so reduce adds into them in place instead of copying a nested object per merge
    i = new Supercluster({
      radius: CLUSTER_RADIUS, maxZoom: 11,
      minZoom: 4, // the map's own: no index for zooms it never shows
      map: (p) => p, // prepare() made them: { id, kmin, kmax, "t:<type>": 1 }
      reduce: (acc, p) => {
        for (const k in p) {
          if (k === 'kmin') {
            acc.kmin = Math.min(acc.kmin, p.kmin);
          } else if (k === 'kmax') {
            acc.kmax = Math.max(acc.kmax, p.kmax);
          } else if (k !== 'id') {
            acc[k] = (acc[k] || 0) + p[k];
          }
        }
      },
    }).load(points.map((f) => f.cluster));
    i.serial = ++indexCount; // its clusters' markers are its own (cluster ids repeat across indexes)
    indexCache.set(key, i);
    if (indexCache.size > 8) {
      indexCache.delete(indexCache.keys().next().value);
    }
  }
  return i;
}

/** A cluster's count per type, from its flat properties. */
function typesOf(props) {
  const types = {};
  for (const k in props) {
    if (k.startsWith('t:')) {
      types[k.slice(2)] = props[k];
    }
  }
  return types;
}

// ------------------------------------------------------------------ areas: one shape per area, with a count

const areaLayer = new AreaLayer(map, layers.areas, areaRenderer, {
  onSelect: (id, keyboard) => select(id, keyboard),
  onHover: (id) => list.mark(id),
});

// ------------------------------------------------------------------ points and clusters

// markers on the map by key ("c" + index + cluster id, "p" + incident id); a move adds and removes only
// the markers that came into or left view, and a new window or filter keeps the incidents' own markers
// that stay (a cluster belongs to its index: a new index brings new cluster markers). A marker that
// leaves is given to one that comes, of the same kind, if any: moving a marker and changing its symbol
// costs a fraction of removing one and making another (a one-day step brings ~100 new markers)
let drawn = new Map();

function drawPoints() {
  if (!index) {
    return;
  }
  const b = map.getBounds();
  const clusters = index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], Math.round(map.getZoom()));
  const next = new Map();
  const fresh = [];
  for (const c of clusters) {
    const key = c.properties.cluster ? `c${index.serial}:${c.properties.cluster_id}` : `p${c.properties.id}`;
    const kept = drawn.get(key);
    // a live update replaces an incident's feature: its marker is drawn again
    if (kept && (c.properties.cluster || kept.feature === incidents.byId.get(c.properties.id))) {
      next.set(key, kept);
      drawn.delete(key);
    } else {
      fresh.push([key, c]);
    }
  }
  const spare = { cluster: [], incident: [] };
  for (const gone of drawn.values()) {
    spare[gone.kind].push(gone);
  }
  const looks = fresh.map(([, c]) => look(c));
  const t = document.createElement('template');
  t.innerHTML = looks.map((l) => `<div class="icon-body">${l.html}</div>`).join(''); // one parse for all new symbols
  const bodies = [...t.content.children];
  fresh.forEach(([key, c], i) => {
    const reused = spare[looks[i].kind].pop();
    next.set(key, show(reused || newMarker(looks[i].kind), looks[i], bodies[i]));
  });
  for (const left of [...spare.cluster, ...spare.incident]) {
    layers.points.removeLayer(left);
  }
  drawn = next;
}

function rangeOf(p) {
  return killedRange(Number.isFinite(p.kmin) ? p.kmin : null, p.kmax >= 0 ? p.kmax : null);
}

/** What a cluster or a point looks like: its kind, symbol (html), size, title and what it stands for. */
function look(c) {
  const [lon, lat] = c.geometry.coordinates;
  if (c.properties.cluster) {
    const n = c.properties.point_count;
    const range = rangeOf(c.properties);
    // never wider than the clustering radius: neighbouring discs cannot overlap into a wall
    const size = Math.round(Math.min(CLUSTER_RADIUS * 0.75, 24 + Math.log2(n) * 2.5));
    const types = typesOf(c.properties);
    const mix = Object.entries(types).sort((a, b) => b[1] - a[1]).map(([t, k]) => `${k} ${TYPE_NAMES[t]}`).join(', ');
    return {
      kind: 'cluster', latlng: [lat, lon], size, title: MSG.cluster(n, mix, range),
      html: clusterSvg(types, n, size) + (range ? `<span class="cluster-range">${esc(range.replace(/ killed claimed$/, ''))}</span>` : ''),
      cluster: { id: c.properties.cluster_id, index },
    };
  }
  const f = incidents.byId.get(c.properties.id);
  const p = f.properties;
  return {
    kind: 'incident', latlng: [lat, lon], size: 20, feature: f, html: symbolSvg(p.type, 20, p.contested),
    title: `${p.title} · ${TYPE_NAMES[p.type]} · ${rangeOf(c.properties) || MSG.noKilled}`,
  };
}

/** A marker of this kind, its handlers reading what it stands for now (it may be given to another cluster or point). */
function newMarker(kind) {
  const m = L.marker([0, 0], { riseOnHover: true });
  m.kind = kind;
  if (kind === 'cluster') {
    return m.on('click', () => map.flyTo(m.getLatLng(), Math.min(m.cluster.index.getClusterExpansionZoom(m.cluster.id), 12)));
  }
  return m.on('add', () => { m.getElement().dataset.id = m.feature.id; })
    .on('click', (e) => select(m.feature.id, e.originalEvent && e.originalEvent.detail === 0))
    .on('mouseover', () => list.mark(m.feature.id))
    .on('mouseout', () => list.mark(null));
}

/** Makes the marker show this look (body: its symbol, parsed), on the map. */
function show(m, l, body) {
  m.cluster = l.cluster;
  m.feature = l.feature;
  m.options.title = l.title;
  m.setLatLng(l.latlng);
  m.setIcon(L.divIcon({ className: l.kind, html: body, iconSize: [l.size, l.size] }));
  const el = m.getElement();
  if (el) { // a marker already on the map keeps its element: only what it says changes
    el.title = l.title;
    if (m.feature) {
      el.dataset.id = m.feature.id;
    }
    return m;
  }
  return m.addTo(layers.points);
}

map.on('moveend', () => {
  drawPoints();
  drawList();
  saveState();
});

// ------------------------------------------------------------------ the list

const list = new IncidentList($('list-items'), $('list-count'), {
  onSelect: (id, keyboard) => {
    select(id, keyboard);
    // on a phone the open list covers the map and the sheet (the panel opened under it, unseen): it closes
    if (document.body.classList.contains('list-open')) {
      document.body.classList.remove('list-open');
      $('list-button').setAttribute('aria-expanded', 'false');
    }
  },
  onHover: (id) => hover(id),
});
let listTimer = null;
function drawList() {
  clearTimeout(listTimer);
  // the list follows the map a moment later: ▶ and dragging the window stay smooth
  listTimer = setTimeout(() => list.render(inView(), state.incident), timeline.playing() ? 300 : 0);
}
$('list-button').addEventListener('click', () => {
  const open = document.body.classList.toggle('list-open');
  $('list-button').setAttribute('aria-expanded', String(open));
});

function hover(id) {
  layers.highlight.eachLayer((l) => {
    if (l.options.hover) {
      layers.highlight.removeLayer(l);
    }
  });
  const f = id && incidents.byId.get(id);
  if (f) {
    L.geoJSON(f, {
      interactive: false, hover: true,
      pointToLayer: (_, ll) => L.circleMarker(ll, { radius: 15, color: '#1d2329', weight: 2, dashArray: '3 3', fill: false, interactive: false, hover: true }),
      style: { color: '#1d2329', weight: 2, dashArray: '3 3', fill: false, hover: true },
    }).addTo(layers.highlight);
  }
}

// ------------------------------------------------------------------ selection and panel

const details = new Map(); // full Features fetched for the panel, by id
let returnFocus = null;

/** The incident as the panel shows it: as it is now, or in a pinned embed as it was at the pin. */
async function fullIncident(id) {
  if (!state.asof) {
    return json(`/api/incidents/${encodeURIComponent(id)}`);
  }
  const h = await json(`/api/incidents/${encodeURIComponent(id)}/history`);
  const then = h.history.filter((e) => Date.parse(e.recorded_at) <= Date.parse(state.asof));
  return then[then.length - 1].feature;
}

async function select(id, keyboard = false) {
  state.incident = id;
  refit = false;
  if (keyboard) {
    // where focus goes back to on close: the list row (found again: the list may be redrawn meanwhile)
    const from = document.activeElement;
    returnFocus = from && from.closest('#list') ? () => list.button(id) : () => (document.contains(from) ? from : null);
  }
  let f = details.get(id);
  if (!f) {
    try {
      f = await fullIncident(id);
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
  $('panel-body').innerHTML = renderPanel({ ...f.properties, id: f.id }, state.asof ? pinWords(state.asof) : null);
  $('panel').hidden = false;
  map.invalidateSize();
  list.select(id);
  highlight(id, f);
  keepInSight(incidents.byId.get(id) || f);
  if (keyboard) {
    $('panel-title').focus();
  }
  saveState();
}

/** The selection stays in sight: beside the panel on a wide screen, above the bottom sheet on a phone. */
function keepInSight(f) {
  const target = f.geometry.type === 'Point' ? L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]) : f.labelAt;
  if (!target) {
    return;
  }
  const size = map.getSize();
  const sheet = PHONE.matches ? $('panel').getBoundingClientRect().height : 0;
  const p = map.latLngToContainerPoint(target);
  const free = size.y - sheet;
  if (p.x < 24 || p.x > size.x - 24 || p.y < 24 || p.y > free - 24) {
    map.panBy([p.x - size.x / 2, p.y - free / 2], { animate: false });
  }
}

function highlight(id, f = incidents.byId.get(id)) {
  layers.highlight.clearLayers();
  if (f) {
    L.geoJSON(f, {
      interactive: false,
      pointToLayer: (_, ll) => L.circleMarker(ll, { radius: 15, color: '#f0a500', weight: 3, fill: false, interactive: false }),
      style: { color: '#f0a500', weight: 3, fill: false },
    }).addTo(layers.highlight);
  }
}

function closePanel() {
  state.incident = null;
  $('panel').hidden = true;
  layers.highlight.clearLayers();
  list.select(null);
  map.invalidateSize();
  saveState();
  const back = returnFocus && returnFocus();
  if (back && !back.getClientRects().length && back.closest('#list')) {
    $('list-button').focus(); // the phone's list closed when the row opened the panel
  } else if (back) {
    back.focus();
  }
  returnFocus = null;
}
$('panel-close').addEventListener('click', closePanel);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('panel').hidden && !$('embed-dialog').open) {
    closePanel();
  }
});

// ------------------------------------------------------------------ timeline

const timeline = new Timeline($('histogram'), { onChange: () => refresh() });
// time runs right to left in Pashto, Dari and Urdu: ▶ points the way it plays
const PLAY = DIR === 'rtl' ? '◀' : '▶';
$('play').textContent = PLAY;
$('play').addEventListener('click', () => {
  if (timeline.playing()) {
    timeline.pause();
  } else {
    timeline.play();
    $('play').textContent = '⏸';
    $('play').setAttribute('aria-label', MSG.pause);
  }
});
$('histogram').addEventListener('paused', () => {
  $('play').textContent = PLAY;
  $('play').setAttribute('aria-label', MSG.play);
});
$('window-all').addEventListener('click', () => {
  timeline.pause();
  timeline.set(timeline.min, timeline.max);
});

// ------------------------------------------------------------------ filters and search

function buildFilters() {
  $('type-filters').innerHTML = Object.entries(TYPE_NAMES).map(([k, v]) =>
    `<label><input type="checkbox" name="type" value="${k}" ${state.types.has(k) ? 'checked' : ''}> ${symbolSvg(k, 14)} ${esc(v)}</label>`).join('');
  $('party-filter').innerHTML = `<option value="">${esc(MSG.anyParty)}</option>` + Object.entries(PARTY_NAMES).map(([k, v]) =>
    `<option value="${k}" ${state.party === k ? 'selected' : ''}>${esc(v)}</option>`).join('');
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
  const fc = await json(`${config.geocoder}?q=${encodeURIComponent(q)}&limit=1`).catch(() => null);
  const f = fc && fc.features && fc.features[0];
  if (!f) {
    status.textContent = MSG.searchNone(q);
    $('search-input').setCustomValidity(MSG.searchNoneShort);
    $('search-input').reportValidity();
    return;
  }
  $('search-input').setCustomValidity('');
  status.textContent = MSG.searchShowing(placeName(f.properties.id, f.properties.name));
  const bounds = L.geoJSON(f).getBounds();
  map.flyToBounds(bounds.pad(0.2), { maxZoom: 10 });
});
$('search-input').addEventListener('input', () => $('search-input').setCustomValidity(''));

// ------------------------------------------------------------------ start

let config = { base: null, labels: null, geocoder: '/api/places' };
const credit = EMBED ? embedPage(map, state, filterNote) : null;
if (EMBED) {
  map.removeControl(legend);
  legend.addTo(map);
}
if (!EMBED) {
  embedDialog(() => {
    const q = stateParams();
    const b = map.getBounds();
    q.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(','));
    return q;
  }, () => dataTime, filterNote);
}

/** Per feature, once: its days, its extent, the shape it is drawn as and where its count goes. */
function prepare(f) {
  const o = f.properties.occurred;
  f.startMs = Date.parse(o.start);
  f.dayStart = boundDay(o.start, false); // a plain date (a UTC day) is that day, not two (days.js)
  f.dayEnd = boundDay(o.end, true);
  f.countDay = countDay(o.precision, f.dayStart, f.dayEnd);
  f.properties.parties = f.properties.parties || [];
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  let n = 0;
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      n++;
      bbox[0] = Math.min(bbox[0], c[0]);
      bbox[1] = Math.min(bbox[1], c[1]);
      bbox[2] = Math.max(bbox[2], c[0]);
      bbox[3] = Math.max(bbox[3], c[1]);
    } else {
      c.forEach(walk);
    }
  };
  walk(f.geometry.coordinates);
  f.bbox = bbox;
  if (f.geometry.type === 'Point') {
    const { kmin, kmax } = { kmin: f.properties.killed_min ?? Infinity, kmax: f.properties.killed_max ?? -1 };
    f.cluster = { type: 'Feature', geometry: f.geometry, properties: { id: f.id, kmin, kmax, [`t:${f.properties.type}`]: 1 } };
  } else {
    // the same area (a province, a border segment) is the same simplified geometry in every report
    f.shapeKey = `${f.geometry.type}:${n}:${bbox.map((v) => v.toFixed(4)).join(',')}`;
    f.extent = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]);
    f.labelAt = L.latLng((bbox[1] + bbox[3]) / 2, (bbox[0] + bbox[2]) / 2);
  }
}

async function start() {
  performance.mark('start');
  buildFilters();
  config = await configAnswer;
  const placesLoaded = loadPlaces();
  const basemapDrawn = basemap.load(config).catch((e) => console.warn('basemap', e));
  // the lean view: what markers, filters, the list and the timeline need; the panel fetches the rest on
  // click. A pinned embed loads the same lean view as of its pin, cached by the browser forever.
  // (requested by load.js as the page was parsed, and read as soon as it came)
  const fc = await incidentsAnswer;
  performance.mark('incidents-parsed');
  dataTime = state.asof || fc.timeStamp;
  layerSwitcher(map, config, ownDrawings(config), state.layers, side('topright'));
  asOf.getContainer().textContent = MSG.dataAsOf(pinWords(dataTime));
  if (state.layers) {
    const names = { incidents: 'points', areas: 'areas', border: 'border', crossings: 'crossings', labels: 'labels', provinces: 'provinces' };
    for (const [name, key] of Object.entries(names)) {
      if (!state.layers.has(name) && !(name === 'areas' && state.layers.has('incidents'))) {
        map.removeLayer(layers[key]);
      }
    }
  }
  await placesLoaded; // the list, the panel and the areas name places in the reader's script
  incidents = fc.features;
  indexCache.clear(); // new data: the cached clusters are of the old
  incidents.forEach(prepare);
  incidents.byId = new Map(incidents.map((f) => [f.id, f]));
  performance.mark('incidents-prepared');
  timeline.setData(incidents.map((f) => [f.dayStart, f.dayEnd, f.countDay]), state.window);
  performance.mark('timeline-drawn');
  areaLayer.addPatterns();
  refresh();
  performance.mark('map-drawn');
  if (state.incident) {
    select(state.incident);
  }
  if (!state.asof) { // a pinned embed shows the data as it was; everything else follows publishing live
    followChanges({ upsert: (f) => liveChange(f.id, f), remove: (id) => liveChange(id, null), where: $('layout') });
  }
  await basemapDrawn;
  performance.mark('basemap-drawn');
  document.body.dataset.ready = 'true';
}
start();

/** Adds, replaces (f, a lean map feature) or removes (null) one incident announced by the live stream, then redraws. */
function liveChange(id, f) {
  const all = timeline.isAll();
  details.delete(id);
  incidents = incidents.filter((x) => x.id !== id);
  if (f) {
    prepare(f);
    incidents.push(f);
  }
  incidents.byId = new Map(incidents.map((x) => [x.id, x]));
  indexCache.clear();
  timeline.setData(incidents.map((x) => [x.dayStart, x.dayEnd, x.countDay]), all ? null : [timeline.start, timeline.end]);
  areaLayer.addPatterns();
  refresh();
  if (state.incident === id) { // the open panel shows the claims as they are now, or closes
    if (f) {
      select(id);
    } else {
      closePanel();
    }
  }
}

window.conflictMap = { map, layers, state, timeline, select, incident: (id) => incidents.byId.get(id), list };
