// Area and line reports (province, district, country level; along the border), grouped by the shape
// they are drawn as: 500 reports "in Kunar" are one Kunar outline with "500", never 500 stacked
// translucent fills. Hatched by precision, outlined in the type's colour when the reports share a
// type; a stretch of the border (a line, or the band a few km either side of it) in that colour;
// larger shapes under smaller ones, lines on top. Each shape is focusable and named.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { esc } from './format.js';
import { MSG } from './messages.js';
import { colourOf, symbolSvg } from './symbols.js';
import { placeNames } from './places.js';

/** How many reports a shared shape offers in its chooser; the list beside the map has them all. */
const PICK_MAX = 12;

export class AreaLayer {
  /** group: the Leaflet layer group to draw into; renderer: the SVG renderer of the areas' pane. */
  constructor(map, group, renderer, { onSelect, onHover }) {
    this.map = map;
    this.group = group;
    this.renderer = renderer;
    this.onSelect = onSelect;
    this.onHover = onHover;
    this.shapes = new Map(); // shape key -> { layer, badge, features }: built once, kept across redraws
  }

  /**
   * Draws these area features (prepared: shapeKey, extent, labelAt, startMs), one shape per area. A
   * shape drawn before and still wanted stays on the map (re-adding it re-projects its outline) and is
   * only re-styled and re-named; only a change in the set of shapes re-orders them.
   */
  draw(areas) {
    const groups = new Map();
    for (const f of areas) {
      if (!groups.has(f.shapeKey)) {
        groups.set(f.shapeKey, []);
      }
      groups.get(f.shapeKey).push(f);
    }
    const order = [...groups.entries()].sort((a, b) => b[1][0].extent - a[1][0].extent);
    const wanted = new Set();
    let added = false;
    for (const [key, fs] of order) {
      let g = this.shapes.get(key);
      if (!g) {
        g = { layer: this.shape(fs[0]), badge: null };
        g.layer.group = g;
        this.shapes.set(key, g);
      }
      wanted.add(g);
      g.features = fs.sort((a, b) => b.startMs - a.startMs);
      if (!this.group.hasLayer(g.layer)) {
        this.group.addLayer(g.layer);
        added = true;
      }
      const types = new Set(fs.map((f) => f.properties.type));
      const colour = types.size === 1 ? colourOf(fs[0].properties.type) : '#3b3b3b';
      const look = `${colour} ${fs[0].properties.geo_precision}`;
      if (g.look !== look) {
        g.look = look;
        g.layer.setStyle(style(fs[0], colour));
      }
      const name = fs.length === 1 ? fs[0].properties.title : MSG.areaGroup(fs.length, MSG.joinList(placeNames(fs[0].properties)));
      const ids = fs.map((f) => f.id).join(' ');
      g.layer.eachLayer((l) => {
        const el = l.getElement && l.getElement();
        if (el && el.dataset.ids !== ids) { // unchanged attributes are left alone: each write restyles the shape
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'button');
          el.setAttribute('aria-label', name);
          el.dataset.ids = ids;
        }
      });
      if (g.name !== name) {
        g.name = name;
        g.layer.setTooltipContent(esc(name));
      }
      if (fs.length > 1) {
        if (!g.badge) {
          g.badge = L.marker(fs[0].labelAt, { pane: 'labels', interactive: false, keyboard: false });
        }
        if (g.count !== fs.length) {
          g.count = fs.length;
          g.badge.setIcon(L.divIcon({ className: 'area-count', html: String(fs.length), iconSize: null }));
        }
        this.group.addLayer(g.badge);
      } else if (g.badge) {
        this.group.removeLayer(g.badge);
      }
    }
    for (const g of this.shapes.values()) {
      if (!wanted.has(g)) {
        this.group.removeLayer(g.layer);
        if (g.badge) {
          this.group.removeLayer(g.badge);
        }
      }
    }
    if (added) {
      // larger shapes under smaller ones
      for (const [key] of order) {
        this.shapes.get(key).layer.bringToFront();
      }
    }
  }

  shape(f) {
    const layer = L.geoJSON(f.geometry, { pane: 'areas', renderer: this.renderer });
    layer.bindTooltip('', { sticky: true });
    const open = (e) => {
      if (e.originalEvent) {
        L.DomEvent.stop(e.originalEvent);
      }
      const fs = layer.group.features;
      if (fs.length === 1) {
        this.onSelect(fs[0].id, !(e.originalEvent instanceof MouseEvent) || e.originalEvent.detail === 0);
      } else {
        this.pick(fs, e.latlng || f.labelAt);
      }
    };
    layer.on('click', open);
    layer.on('keydown', (e) => {
      if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
        open({ originalEvent: e.originalEvent });
      }
    });
    layer.on('mouseover', () => this.onHover(layer.group.features.length === 1 ? layer.group.features[0].id : null));
    layer.on('mouseout', () => this.onHover(null));
    return layer;
  }

  /** Several reports share the clicked area: a short list to choose from, newest first. */
  pick(features, latlng) {
    const html = `<p class="pick-title">${esc(MSG.areaPick)}</p><ul class="pick">${features.slice(0, PICK_MAX).map((f) =>
      `<li><button type="button" data-id="${esc(f.id)}">${symbolSvg(f.properties.type, 14, f.properties.contested)} ${esc(f.properties.title)}</button></li>`).join('')}</ul>`;
    const popup = L.popup({ maxWidth: 320 }).setLatLng(latlng).setContent(html).openOn(this.map);
    popup.getElement().addEventListener('click', (e) => {
      const b = e.target.closest('button[data-id]');
      if (b) {
        this.map.closePopup(popup);
        this.onSelect(b.dataset.id, true);
      }
    });
  }

  /** The hatch patterns the area fills refer to, in the areas' SVG. */
  addPatterns() {
    const svg = this.renderer._container;
    if (!svg || svg.querySelector('#hatch-sparse')) {
      return;
    }
    const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
    defs.innerHTML = '<pattern id="hatch-sparse" width="9" height="9" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
      + '<line x1="0" y1="0" x2="0" y2="9" stroke="#7a4a1d" stroke-opacity=".35" stroke-width="1.2"/></pattern>'
      + '<pattern id="hatch-dense" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
      + '<line x1="0" y1="0" x2="0" y2="5" stroke="#7a4a1d" stroke-opacity=".4" stroke-width="1.2"/></pattern>';
    svg.prepend(defs);
  }
}

function style(f, colour) {
  const precision = f.properties.geo_precision;
  if (f.geometry.type.includes('Line')) {
    return { color: colour, weight: 7, opacity: 0.6, lineCap: 'butt', fill: false };
  }
  if (precision === 'border_segment') {
    // a stretch of the border, a few km either side of the line: a band in the type's colour
    return { color: colour, weight: 1.5, opacity: 0.9, fill: true, fillColor: colour, fillOpacity: 0.45 };
  }
  if (precision === 'country') {
    // "somewhere in this country": an outline, no colour over the basemap
    return { color: colour, weight: 1.2, opacity: 0.8, dashArray: '2 6', fill: true, fillOpacity: 0, fillColor: '#000' };
  }
  return { color: colour, weight: 1.8, opacity: 0.95, dashArray: '6 4', fill: true,
    fillColor: `url(#hatch-${precision === 'district' ? 'dense' : 'sparse'})`, fillOpacity: 1 };
}
