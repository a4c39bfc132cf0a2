// The incident list beside the map: the incidents in view and in the time window, newest first,
// with title, type, place, date and the claimed range. It is the keyboard's and the screen reader's
// way to every incident, and it follows the map (hover, selection) as the map follows it.

import { esc, whenWords, zoneOf, killedRange, TYPE_NAMES } from './format.js';
import { MSG } from './messages.js';
import { symbolSvg } from './symbols.js';
import { placeNames } from './places.js';

/** More rows than this cost more layout than a reader can scan; the count says how many there are. */
const MAX_ROWS = 150;

export class IncidentList {
  constructor(ol, count, { onSelect, onHover }) {
    this.ol = ol;
    this.count = count;
    this.ids = [];
    ol.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-id]');
      if (b) {
        onSelect(b.dataset.id, true);
      }
    });
    const hover = (e) => {
      const b = e.target.closest('button[data-id]');
      onHover(b ? b.dataset.id : null);
    };
    ol.addEventListener('mouseover', hover);
    ol.addEventListener('focusin', hover);
    ol.addEventListener('mouseleave', () => onHover(null));
  }

  /** Shows the features (already in view and in the window), newest first. */
  render(features, selectedId) {
    // a reader tabbing through the list keeps their place when the map moves under it
    const focused = this.ol.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    const rows = features.slice().sort((a, b) => b.startMs - a.startMs || (a.id < b.id ? -1 : 1));
    this.ids = rows.map((f) => f.id);
    this.features = features;
    // the selected and the focused incident keep their rows even when newer ones fill the first MAX_ROWS
    const shown = rows.slice(0, MAX_ROWS);
    for (const keep of [selectedId, focused]) {
      const f = keep && !shown.some((r) => r.id === keep) && rows.find((r) => r.id === keep);
      if (f) {
        shown.push(f);
      }
    }
    this.count.textContent = rows.length ? MSG.listCount(shown.length, rows.length) : MSG.listEmpty;
    this.ol.innerHTML = shown.map((f) => {
      const p = f.properties;
      const range = killedRange(p.killed_min ?? null, p.killed_max ?? null) || MSG.noKilled;
      return `<li><button type="button" data-id="${esc(f.id)}"${f.id === selectedId ? ' aria-current="true"' : ''}>`
        + `${symbolSvg(p.type, 16, p.contested)}<span class="li-title" lang="en" dir="auto">${esc(p.title)}</span>`
        + `<span class="li-meta">${esc(TYPE_NAMES[p.type] || p.type)} · ${MSG.joinList(placeNames(p).map((name) => `<bdi>${esc(name)}</bdi>`)) || '–'}</span>`
        + `<span class="li-meta">${esc(whenWords(p.occurred, zoneOf(p)))} · ${esc(range)}</span></button></li>`;
    }).join('');
    const again = focused && this.button(focused);
    if (again) {
      again.focus({ preventScroll: true });
    }
  }

  /** Marks the row of the incident the pointer is on in the map (null: none). */
  mark(id) {
    this.ol.querySelectorAll('.marked').forEach((b) => b.classList.remove('marked'));
    const b = id && this.button(id);
    if (b) {
      b.classList.add('marked');
    }
  }

  select(id) {
    if (id && !this.button(id) && this.ids.includes(id)) {
      this.render(this.features, id); // a selection beyond the first MAX_ROWS rows gets its row
    }
    this.ol.querySelectorAll('[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
    const b = id && this.button(id);
    if (b) {
      b.setAttribute('aria-current', 'true');
      b.scrollIntoView({ block: 'nearest' });
    }
  }

  button(id) {
    return this.ol.querySelector(`button[data-id="${CSS.escape(id)}"]`);
  }
}
