// The timeline: a histogram of incidents per day with a draggable, resizable window, play/pause,
// and keyboard control (arrows move, shift+arrows resize, Home/End, PageUp/PageDown by a week).
// In Pashto, Dari and Urdu time runs right to left: the oldest day on the right, ▶ plays leftwards,
// and the arrow keys move the window the way they point.

import { dayWords } from './format.js';
import { MSG } from './messages.js';
import { DIR } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

export class Timeline {
  constructor(svg, { onChange }, rtl = DIR === 'rtl') {
    this.svg = svg;
    this.rtl = rtl;
    this.onChange = onChange;
    this.min = 0;
    this.max = 0;
    this.start = 0;
    this.end = 0;
    this.counts = new Map();
    this.timer = null;
    this.drag = null;
    svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
    svg.addEventListener('pointermove', (e) => this.pointerMove(e));
    svg.addEventListener('pointerup', (e) => this.pointerUp(e));
    svg.addEventListener('pointercancel', (e) => this.pointerUp(e));
    svg.addEventListener('keydown', (e) => this.key(e));
    new ResizeObserver(() => this.draw()).observe(svg);
  }

  /**
   * Sets the data: [startDay, endDay, countDay] per incident, counted on every day of its span or,
   * when countDay is given (a month- or week-precise report), on that one day; keeps the window when it still fits.
   */
  setData(spans, window) {
    this.counts = new Map();
    let min = Infinity;
    let max = -Infinity;
    for (const [s, e, once] of spans) {
      min = Math.min(min, s);
      max = Math.max(max, e);
      for (let d = once ?? s; d <= (once ?? e); d++) {
        this.counts.set(d, (this.counts.get(d) || 0) + 1);
      }
    }
    if (!Number.isFinite(min)) {
      min = max = Math.floor(Date.now() / 86400000);
    }
    this.min = min;
    this.max = max;
    const [s, e] = window || [min, max];
    this.start = Math.max(min, Math.min(s, max));
    this.end = Math.max(min, Math.min(e, max));
    this.draw();
    this.set(this.start, this.end, false);
  }

  isAll() {
    return this.start <= this.min && this.end >= this.max;
  }

  set(start, end, notify = true) {
    start = Math.round(start);
    end = Math.round(end);
    if (end < start) {
      [start, end] = [end, start];
    }
    this.start = Math.max(this.min, start);
    this.end = Math.min(this.max, end);
    this.svg.setAttribute('aria-valuemin', this.min);
    this.svg.setAttribute('aria-valuemax', this.max);
    this.svg.setAttribute('aria-valuenow', this.start);
    this.svg.setAttribute('aria-valuetext', this.words());
    this.drawWindow();
    if (notify) {
      this.onChange(this.start, this.end);
    }
  }

  words() {
    return this.start === this.end ? dayWords(this.start) : `${dayWords(this.start)} – ${dayWords(this.end)}`;
  }

  // ------------------------------------------------------------------ play

  playing() {
    return this.timer !== null;
  }

  play() {
    if (this.timer) {
      return;
    }
    let width = this.end - this.start;
    if (this.isAll() || this.end >= this.max) {
      width = this.isAll() ? 0 : width;
      this.set(this.min, this.min + width);
    }
    this.timer = setInterval(() => {
      if (this.end >= this.max) {
        this.pause();
        return;
      }
      this.set(this.start + 1, this.end + 1);
    }, 700);
  }

  pause() {
    clearInterval(this.timer);
    this.timer = null;
    this.svg.dispatchEvent(new CustomEvent('paused'));
  }

  // ------------------------------------------------------------------ drawing

  /** The histogram's width in pixels (measured: a read after a change to the page costs a layout). */
  width() {
    return this.svg.clientWidth || 600;
  }

  /** Where a day's column begins along the time axis, in pixels from the axis's start (left, or right in RTL). */
  along(day, w = this.width()) {
    const span = Math.max(1, this.max - this.min + 1);
    return ((day - this.min) / span) * w;
  }

  /** The left edge of a day's column. */
  x(day, w = this.width()) {
    return this.rtl ? w - this.along(day + 1, w) : this.along(day, w);
  }

  /** The left edge of the earliest and the right edge of the latest day: the span of start..end on screen. */
  edges(start, end, w = this.width()) {
    const a = this.x(start, w);
    const b = this.x(end, w);
    const cell = this.along(this.min + 1, w) - this.along(this.min, w);
    return this.rtl ? [b, a + cell] : [a, b + cell];
  }

  dayAt(px) {
    const w = this.width();
    const span = Math.max(1, this.max - this.min + 1);
    return Math.floor(this.min + ((this.rtl ? w - px : px) / w) * span);
  }

  /**
   * Draws the histogram: bars, month ticks and the window. Only for new data or a new size: moving
   * the window redraws the window alone (drawWindow), so a step of ▶ neither rebuilds 40–400 bars
   * with their day names nor measures the page once per bar (each read of the width after a change
   * to the page was a layout: 20–80 ms a step at 10,000 incidents).
   */
  draw() {
    const svg = this.svg;
    const w = this.width();
    const h = svg.clientHeight || 56;
    this.w = w;
    this.h = h;
    const axis = 12;
    const frag = document.createDocumentFragment();
    const peak = Math.max(1, ...this.counts.values());
    const barW = Math.max(1, this.along(this.min + 1, w) - this.along(this.min, w) - 0.5);
    this.bars = new Map();
    this.inside = new Set();
    for (const [day, n] of this.counts) {
      const bh = Math.max(2, ((h - axis - 4) * n) / peak);
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', this.x(day, w));
      r.setAttribute('y', h - axis - bh);
      r.setAttribute('width', barW);
      r.setAttribute('height', bh);
      r.setAttribute('class', 'bar');
      const t = document.createElementNS(SVG, 'title');
      t.textContent = MSG.histogramDay(dayWords(day), n);
      r.appendChild(t);
      frag.appendChild(r);
      this.bars.set(day, r);
    }
    for (const l of this.monthLabels(w)) {
      const label = document.createElementNS(SVG, 'text');
      // a month begins at its first day's edge nearest the past; its name runs from there into the month
      label.setAttribute('x', l.x);
      label.setAttribute('y', h - 1);
      label.setAttribute('class', 'axis');
      if (this.rtl) {
        label.setAttribute('text-anchor', 'end');
      }
      label.textContent = l.text;
      frag.appendChild(label);
    }
    this.win = document.createElementNS(SVG, 'rect');
    this.win.setAttribute('y', 0);
    this.win.setAttribute('height', h - axis);
    this.win.setAttribute('class', 'window');
    this.win.dataset.part = 'window';
    frag.appendChild(this.win);
    this.handles = ['start', 'end'].map((part) => {
      const handle = document.createElementNS(SVG, 'rect');
      handle.setAttribute('y', (h - axis) / 2 - 9);
      handle.setAttribute('width', 6);
      handle.setAttribute('height', 18);
      handle.setAttribute('rx', 2);
      handle.setAttribute('class', 'handle');
      handle.dataset.part = part;
      frag.appendChild(handle);
      return handle;
    });
    svg.replaceChildren(frag);
    this.drawWindow();
  }

  /**
   * The month ticks' names and where they start, measured so that none touches another or leaves the
   * axis: the finest of these that fits, at this width, in this language: every month (January with its
   * year, "January 2026", then "Jan 2026"), every 3rd or 6th month, then the years every 1, 2, 5, 10, 20
   * or 50 years. The first name shown carries its year. (Before, ticks were thinned by the month's width
   * alone: on a phone "January 2026" ran into "Feb".)
   */
  monthLabels(w) {
    const months = [];
    const first = new Date(this.min * 86400000);
    // from the first month that begins on the axis (the first day's, when that is the 1st)
    for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + (first.getUTCDate() === 1 ? 0 : 1), 1));
      m.getTime() / 86400000 <= this.max;
      m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
      const day = m.getTime() / 86400000;
      // from the month's first day's edge nearest the past: its left edge, in right to left its right edge
      months.push({ year: m.getUTCFullYear(), month: m.getUTCMonth(), x: this.rtl ? this.edges(day, day, w)[1] - 2 : this.x(day, w) + 2 });
    }
    const width = this.textWidth();
    const levels = [[1, 'long'], [1, 'short'], [3, 'short'], [6, 'short'], [12, 'year'], [24, 'year'], [60, 'year'], [120, 'year'],
      [240, 'year'], [600, 'year']];
    let best = [];
    for (const [every, form] of levels) {
      const labels = [];
      for (const m of months) {
        if ((m.year * 12 + m.month) % every !== 0) {
          continue;
        }
        const text = MSG.monthAxis(m.month, m.year, form === 'year' ? 'year' : m.month === 0 || !labels.length ? form : null);
        const tw = width(text);
        const [from, to] = this.rtl ? [m.x - tw, m.x] : [m.x, m.x + tw];
        if (from >= 0 && to <= w) { // a name cut at the axis's end is left out
          labels.push({ x: m.x, text, from, to });
        }
      }
      const sorted = [...labels].sort((a, b) => a.from - b.from);
      best = labels;
      if (sorted.every((l, i) => i === 0 || sorted[i - 1].to + 6 <= l.from)) {
        break;
      }
    }
    return best;
  }

  /** The width in pixels of a month tick's name, as the axis's font draws it (measured on a canvas: no layout). */
  textWidth() {
    const probe = document.createElementNS(SVG, 'text');
    probe.setAttribute('class', 'axis');
    this.svg.appendChild(probe);
    const style = getComputedStyle(probe);
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    probe.remove();
    this.measure ??= document.createElement('canvas').getContext('2d');
    this.measure.font = font;
    return (text) => this.measure.measureText(text).width;
  }

  /** Places the window and its handles on start..end and marks the bars inside it, changing only what moved. */
  drawWindow() {
    if (!this.win) {
      return;
    }
    const w = this.w;
    const [left, right] = this.edges(this.start, this.end, w);
    const ww = Math.max(3, right - left);
    this.win.setAttribute('x', left);
    this.win.setAttribute('width', ww);
    // the handle at the window's left edge is its start, or in right to left its end
    const [startX, endX] = this.rtl ? [left + ww, left] : [left, left + ww];
    this.handles[0].setAttribute('x', startX - 3);
    this.handles[1].setAttribute('x', endX - 3);
    const inside = new Set();
    for (const [day, bar] of this.bars) {
      if (day >= this.start && day <= this.end) {
        inside.add(day);
        if (!this.inside.has(day)) {
          bar.classList.add('in');
        }
      } else if (this.inside.has(day)) {
        bar.classList.remove('in');
      }
    }
    this.inside = inside;
  }

  // ------------------------------------------------------------------ input

  pointerDown(e) {
    const part = e.target.dataset?.part;
    const px = e.offsetX;
    this.pause();
    this.svg.setPointerCapture(e.pointerId);
    if (part === 'start' || part === 'end') {
      this.drag = { part };
    } else if (part === 'window') {
      this.drag = { part, from: this.dayAt(px), start: this.start, end: this.end };
    } else {
      const d = this.dayAt(px);
      this.drag = { part: 'new', anchor: d };
      this.set(d, d);
    }
    e.preventDefault();
  }

  pointerMove(e) {
    if (!this.drag) {
      return;
    }
    const d = this.dayAt(e.offsetX);
    if (this.drag.part === 'start') {
      this.set(Math.min(d, this.end), this.end);
    } else if (this.drag.part === 'end') {
      this.set(this.start, Math.max(d, this.start));
    } else if (this.drag.part === 'window') {
      let shift = d - this.drag.from;
      shift = Math.max(this.min - this.drag.start, Math.min(this.max - this.drag.end, shift));
      if (this.drag.start + shift !== this.start) {
        this.set(this.drag.start + shift, this.drag.end + shift);
      }
    } else {
      this.set(Math.min(d, this.drag.anchor), Math.max(d, this.drag.anchor));
    }
  }

  pointerUp(e) {
    this.drag = null;
    if (this.svg.hasPointerCapture?.(e.pointerId)) {
      this.svg.releasePointerCapture(e.pointerId);
    }
  }

  key(e) {
    const width = this.end - this.start;
    let handled = true;
    // the arrows follow the screen: in right to left, ← goes towards the later days
    const mirrored = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };
    switch (this.rtl ? mirrored[e.key] || e.key : e.key) {
      case 'ArrowLeft':
        if (e.shiftKey) {
          this.set(this.start, Math.max(this.start, this.end - 1));
        } else if (this.start > this.min) {
          this.set(this.start - 1, this.end - 1);
        }
        break;
      case 'ArrowRight':
        if (e.shiftKey) {
          this.set(this.start, Math.min(this.max, this.end + 1));
        } else if (this.end < this.max) {
          this.set(this.start + 1, this.end + 1);
        }
        break;
      case 'PageUp':
        this.set(Math.max(this.min, this.start - 7), Math.max(this.min, this.start - 7) + width);
        break;
      case 'PageDown':
        this.set(Math.min(this.max, this.end + 7) - width, Math.min(this.max, this.end + 7));
        break;
      case 'Home':
        this.set(this.min, this.min + width);
        break;
      case 'End':
        this.set(this.max - width, this.max);
        break;
      case ' ':
      case 'Enter':
        if (this.playing()) {
          this.pause();
        } else {
          this.play();
        }
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
  }
}
