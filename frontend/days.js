// The days an incident's interval stands for, read once for the map (panel, list, timeline) and the desk.
// A module with no imports: the desk takes it without the map's strings.
//
// Incident days are local days: the dataset and the ingest start a day at 00:00 Afghan time (UTC+04:30,
// so 19:30Z the evening before). An incident given to the API with plain dates ("2033-05-14"), and every
// ACLED import, covers that UTC day instead, 00:00:00Z to 23:59:59(.999)Z, which in Afghan time runs
// 04:30 on the 14th to 04:29 on the 15th: read as local days its end showed as "To 05/15/2033" in the desk
// and "14 May – 15 May" on the map for a one-day incident. A bound that falls on a UTC day's edge is such
// a plain date and stands for that date; every other bound (local days, exact times) for its local day.

/** Each zone's offset (no daylight saving in either): Afghan time is the timeline's days and the default. */
const OFFSETS_MS = { 'Asia/Kabul': 4.5 * 3600 * 1000, 'Asia/Karachi': 5 * 3600 * 1000 };
const OFFSET_MS = OFFSETS_MS['Asia/Kabul'];
const DAY_MS = 86400000;
const offsetOf = (zone) => OFFSETS_MS[zone] ?? OFFSET_MS;
const msOfUtcDay = (t) => ((t % DAY_MS) + DAY_MS) % DAY_MS;

/** Whether an interval's bound (ms) is a plain date's edge: 00:00:00Z for a start, 23:59:59Z (to .999) for an end. */
export function plainDate(t, end) {
  return end ? msOfUtcDay(t) >= DAY_MS - 1000 : msOfUtcDay(t) === 0;
}

/** Days since 1970-01-01 in the zone's time (Afghan time unless named), so "the night of the 26th" stays on the 26th. */
function dayOf(iso, zone) {
  return Math.floor((Date.parse(iso) + offsetOf(zone)) / DAY_MS);
}

/**
 * The day (days since 1970-01-01) an interval's start or end (inclusive) stands for: its plain date, else its
 * day in the incident's zone ('Asia/Kabul', the default, or 'Asia/Karachi'): a Pakistani October starts at
 * 19:00Z on 30 September, which is still 30 September in Afghan time (docs/QA.md, D7).
 */
export function boundDay(iso, end, zone) {
  const t = Date.parse(iso);
  return plainDate(t, end) ? Math.floor(t / DAY_MS) : dayOf(iso, zone);
}

/** A day (YYYY-MM-DD) as the RFC 3339 start or end of that day in the zone (Afghan time unless named). */
export function dayBound(day, end, zone) {
  return `${day}T${end ? '23:59:59' : '00:00:00'}${zone === 'Asia/Karachi' ? '+05:00' : '+04:30'}`;
}

/**
 * A moment on the day a bound stands for, to be written as a day in the incident's own zone (Afghan or
 * Pakistan time, +04:30 or +05:00): a plain date's noon UTC, which is that date in both; else the bound.
 */
export function boundMoment(iso, end) {
  const t = Date.parse(iso);
  return new Date(plainDate(t, end) ? t - msOfUtcDay(t) + DAY_MS / 2 : t);
}

/** The day (YYYY-MM-DD) an interval's start stands for, in the zone. */
export function startDay(iso, zone) {
  return dayText(iso, false, zone);
}

/** The last day (YYYY-MM-DD) an interval's end (inclusive) stands for, in the zone. */
export function endDay(iso, zone) {
  return dayText(iso, true, zone);
}

function dayText(iso, end, zone) {
  return Number.isNaN(Date.parse(iso || '')) ? '' : new Date(boundDay(iso, end, zone) * DAY_MS).toISOString().slice(0, 10);
}
