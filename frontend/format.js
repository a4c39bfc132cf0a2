// Formatting shared by the panel, the timeline and the clusters. Times show only what their
// precision allows: a month-precise incident never gets a day.

import { MSG, ZONE_NAMES } from './messages.js';
import { num as localNum, dayText, monthText, monthName, timeText, solarHijri } from './i18n.js';
import { zoneOfPlaces } from './places.js';
import { boundMoment, plainDate } from './days.js';

export { TYPE_NAMES, PARTY_NAMES, SIDE_NAMES, PRECISION_NAMES, TIME_PRECISION_NAMES } from './messages.js';

export { boundDay } from './days.js';
export function dayToDate(day) {
  return new Date(day * 86400000);
}
export function dayToIso(day) {
  return dayToDate(day).toISOString().slice(0, 10);
}
export function isoToDay(s) {
  return Math.floor(Date.parse(s + 'T00:00:00Z') / 86400000);
}
/** A timeline day in the reader's language and digits, with its Solar Hijri date for Dari and Pashto. */
export function dayWords(day) {
  const d = dayToDate(day);
  const solar = solarHijri(d);
  return solar ? `${dayText(d)} (${solar})` : dayText(d);
}

/** The zone an incident's times are read in: Pakistan time for places in Pakistan, else Afghan time. */
export function zoneOf(p) {
  return p.zone || zoneOfPlaces(p);
}

/**
 * The incident's time in words, at its precision, in the local time of its place (zone), zone named.
 * Kept per interval and zone: the list shows hundreds of incidents of the same few days, and each
 * day in words costs Intl a few formatToParts calls.
 */
export function whenWords(occurred, zone = 'Asia/Kabul') {
  const key = `${occurred.precision}|${occurred.start}|${occurred.end}|${zone}`;
  let words = WHEN.get(key);
  if (words === undefined) {
    words = whenWordsOnce(occurred, zone);
    WHEN.set(key, words);
  }
  return words;
}
const WHEN = new Map();

function whenWordsOnce(occurred, zone) {
  const s = new Date(occurred.start);
  const e = new Date(occurred.end);
  // the days the bounds stand for: a plain date given to the API ("2033-05-14", a UTC day) is that day in
  // every zone, not "14 May – 15 May" (days.js); the times shown are the bounds' own
  const first = boundMoment(occurred.start, false);
  const last = boundMoment(occurred.end, true);
  const plain = plainDate(s.getTime(), false) && plainDate(e.getTime(), true);
  const day = (d) => {
    const solar = solarHijri(d, zone);
    return solar ? `${dayText(d, zone)} (${solar})` : dayText(d, zone);
  };
  const hm = (d) => timeText(d, zone);
  switch (occurred.precision) {
    case 'month': {
      // a month is named as its reporter meant it: an incident "earlier in February" in Pakistan starts
      // at midnight Pakistan time, 23:30 on 31 January in Afghan time, so the month is read at the middle
      const m = months(occurred);
      return m.length === 1 ? monthText(m[0][0], m[0][1])
        : `${monthName(m[0][1], true)} – ${monthText(m[m.length - 1][0], m[m.length - 1][1])} ${MSG.monthKnown}`;
    }
    case 'week':
      return MSG.weekOf(day(first));
    case 'day':
      return day(first) === day(last) ? day(first) : `${day(first)} – ${day(last)}`;
    case 'part_of_day':
      // that day and the part of it; given as plain dates, the part is not known: the day alone
      if (plain) {
        return day(first) === day(last) ? day(first) : `${day(first)} – ${day(last)}`;
      }
      return day(s) === day(e) ? `${day(s)}, ${hm(s)}–${hm(e)} ${MSG.approx}` : MSG.nightOf(day(s), day(e));
    case 'hour':
    default:
      return day(s) === day(e) || e - s <= 86400000 ? `${day(s)}, ${hm(s)}–${hm(e)} ${ZONE_NAMES[zone]}`
        : `${day(s)} ${hm(s)} – ${day(e)} ${hm(e)} ${ZONE_NAMES[zone]}`;
  }
}

/**
 * The [year, month] pairs a month-precision interval means: whole months, each counted when the
 * interval covers most of its first day in UTC (the reporters' offsets are 4:30 and 5:00 at most).
 */
export function months(occurred) {
  const s = new Date(Date.parse(occurred.start) + 12 * 3600 * 1000);
  const e = new Date(Date.parse(occurred.end) - 12 * 3600 * 1000);
  const out = [];
  for (let y = s.getUTCFullYear(), m = s.getUTCMonth(); y < e.getUTCFullYear() || (y === e.getUTCFullYear() && m <= e.getUTCMonth());) {
    out.push([y, m]);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out.length ? out : [[s.getUTCFullYear(), s.getUTCMonth()]];
}

/**
 * The one day the histogram counts an incident on: its first day, or for a month- or week-precise
 * report (which covers the whole span but happened once) the middle of its span.
 */
export function countDay(precision, startDay, endDay) {
  return precision === 'month' || precision === 'week' ? Math.floor((startDay + endDay) / 2) : null;
}

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function num(v) {
  return v === null || v === undefined ? '–' : localNum(Number(v));
}

/** "2–133 killed claimed", "13 killed claimed" or "" for a killed range [min, max]. */
export function killedRange(min, max) {
  if (min === null || min === undefined || max === null || max === undefined || max < 0) {
    return '';
  }
  return MSG.killedRange(min, max);
}
