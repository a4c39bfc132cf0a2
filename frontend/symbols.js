// How an incident type looks: a shape AND a colour, so that no two types differ by colour alone.
// The colours (Okabe and Ito's colour-blind-safe set, distinct under deuteranopia, protanopia and
// tritanopia) and shapes are the server's (incidents.IncidentType, served in config.json); each shape is
// drawn here as a small inline SVG.

import { esc } from './format.js';
import { MARKS } from './config.js';

/** Each type's colour and shape, as the server registers them (config.js: config.json's marks), in its order. */
export const TYPE_STYLE = Object.fromEntries((await MARKS).map((m) => [m.value, { colour: m.colour, shape: m.shape }]));
/** A type the server does not name (none while the page and the server agree). */
const UNKNOWN = { colour: '#888888', shape: 'circle' };

const PATHS = {
  circle: 'M12 4a8 8 0 1 0 0.01 0Z',
  square: 'M5 5h14v14H5Z',
  triangle: 'M12 3l9.5 16.5h-19Z',
  'triangle-down': 'M2.5 4.5h19L12 21Z',
  diamond: 'M12 2l10 10-10 10L2 12Z',
  hexagon: 'M12 3l8 4.5v9L12 21l-8-4.5v-9Z',
  star: 'M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7L12 17.2 5.8 20.9l1.6-7L2 9.2l7.1-.6Z',
  cross: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6Z',
};

export function colourOf(type) {
  return (TYPE_STYLE[type] || TYPE_STYLE.other || UNKNOWN).colour;
}

/** The type's symbol as SVG markup, size px wide; a contested incident gets a red ring. */
export function symbolSvg(type, size = 18, contested = false, title = '') {
  const s = TYPE_STYLE[type] || TYPE_STYLE.other || UNKNOWN;
  return `<svg width="${size}" height="${size}" viewBox="-2 -2 28 28" aria-hidden="true" focusable="false">`
    + (contested ? '<circle cx="12" cy="12" r="13" fill="none" stroke="#b03a2e" stroke-width="2.5"/>' : '')
    + `<path d="${PATHS[s.shape]}" fill="${s.colour}" stroke="#fff" stroke-width="1.6" stroke-linejoin="round"/>`
    + (title ? `<title>${esc(title)}</title>` : '') + '</svg>';
}

/**
 * A cluster: a disc no wider than the clustering radius, ringed by the mix of types (each type's
 * share of the ring in its colour), the count inside.
 */
export function clusterSvg(counts, n, size) {
  const r = size / 2 - 3;
  const c = size / 2;
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
  let angle = -Math.PI / 2;
  let arcs = '';
  for (const [type, k] of Object.entries(counts)) {
    if (!k) {
      continue;
    }
    const sweep = (k / total) * Math.PI * 2;
    if (k === total) {
      arcs += `<circle cx="${c}" cy="${c}" r="${r}" fill="none" stroke="${colourOf(type)}" stroke-width="6"/>`;
      break;
    }
    const [x1, y1] = [c + r * Math.cos(angle), c + r * Math.sin(angle)];
    angle += sweep;
    const [x2, y2] = [c + r * Math.cos(angle), c + r * Math.sin(angle)];
    arcs += `<path d="M${x1.toFixed(1)} ${y1.toFixed(1)}A${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2.toFixed(1)} ${y2.toFixed(1)}" `
      + `fill="none" stroke="${colourOf(type)}" stroke-width="6"/>`;
  }
  return `<svg width="${size}" height="${size}" aria-hidden="true" focusable="false">`
    + `<circle cx="${c}" cy="${c}" r="${r}" fill="#fff" fill-opacity=".94"/>${arcs}`
    + `<text x="${c}" y="${c}" dy=".35em" text-anchor="middle" font-size="${size > 34 ? 12 : 11}" font-weight="700" fill="#1d2329">${n > 999 ? `${Math.round(n / 100) / 10}k` : n}</text></svg>`;
}
