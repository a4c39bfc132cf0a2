// The incident list beside the map: the incidents in view and in the time window, newest first,
// with title, type, place, date and the claimed range. It is the keyboard's and the screen reader's
// way to every incident, and it follows the map (hover, selection) as the map follows it.

import { esc, whenWords, zoneOf, killedRange, TYPE_NAMES } from './format.js';
import { MSG } from './messages.js';
import { symbolSvg } from './symbols.js';
import { placeNames } from './places.js';

/** More rows than this cost more layout than a reader can scan; the count says how many there are. */
const MAX_ROWS = 150;
/** Rows drawn before the map's next frame: more than the tallest screen shows (the rest follow it). */
const FIRST_ROWS = 40;

export class IncidentList {
  constructor(ol, count, { onSelect, onHover }) {
    this.ol = ol;
    this.count = count;
    this.ids = [];
    this.rows = new WeakMap(); // feature -> its row (an <li>), made once
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
    this.selectedId = selectedId;
    this.pending = null;
    const current = this.ol.children;
    const same = shown.length === current.length && shown.every((f, i) => this.rows.get(f) === current[i]);
    if (!same) {
      // the first rows now, the rest after the next frame: a new window brings up to 150 new rows, and
      // making and laying them out all before the map's next frame was a third of a ▶ step
      const head = shown.slice(0, FIRST_ROWS);
      this.ol.replaceChildren(...this.prepared(head));
      if (shown.length > head.length) {
        this.pending = shown.slice(head.length);
        requestAnimationFrame(() => setTimeout(() => this.flush(), 0));
      }
    } else {
      this.prepared(shown);
    }
    const again = focused && this.button(focused);
    if (again && again !== document.activeElement) {
      again.focus({ preventScroll: true });
    }
  }

  /** Adds the rows left for after the frame (at once when something needs them: a selection, focus, a hover). */
  flush() {
    const rest = this.pending;
    this.pending = null;
    if (rest) {
      this.ol.append(...this.prepared(rest));
    }
  }

  /** The rows of these features, made if need be, marked current or not, none marked hovered. */
  prepared(features) {
    this.make(features);
    return features.map((f) => {
      const li = this.rows.get(f);
      const b = li.firstChild;
      b.classList.remove('marked');
      if (f.id === this.selectedId) {
        b.setAttribute('aria-current', 'true');
      } else {
        b.removeAttribute('aria-current');
      }
      return li;
    });
  }

  /**
   * Makes the rows these features do not have yet, once per feature (a live update brings a new
   * feature, so a new row), parsed together: one parse of 150 rows' markup is much cheaper than 150.
   * ▶ with a window of several days shows mostly rows already made.
   */
  make(features) {
    const missing = features.filter((f) => !this.rows.has(f));
    if (!missing.length) {
      return;
    }
    const t = document.createElement('template');
    t.innerHTML = missing.map((f) => {
      const p = f.properties;
      const range = killedRange(p.killed_min ?? null, p.killed_max ?? null) || MSG.noKilled;
      return `<li><button type="button" data-id="${esc(f.id)}">`
        + `${symbolSvg(p.type, 16, p.contested)}<span class="li-title" lang="en" dir="auto">${esc(p.title)}</span>`
        + `<span class="li-meta">${esc(TYPE_NAMES[p.type] || p.type)} · ${MSG.joinList(placeNames(p).map((name) => `<bdi>${esc(name)}</bdi>`)) || '–'}</span>`
        + `<span class="li-meta">${esc(whenWords(p.occurred, zoneOf(p)))} · ${esc(range)}</span></button></li>`;
    }).join('');
    const made = t.content.children;
    missing.forEach((f, i) => this.rows.set(f, made[i]));
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
    this.selectedId = id;
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
    this.flush();
    return this.ol.querySelector(`button[data-id="${CSS.escape(id)}"]`);
  }
}
