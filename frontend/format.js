// Formatting shared by the panel, the timeline and the clusters. Times show only what their
// precision allows: a month-precise incident never gets a day.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

export const TYPE_NAMES = {
  air_strike: 'Air/drone strike', armed_clash: 'Armed clash', shelling: 'Shelling/artillery/missile',
  suicide_bomb: 'Suicide bombing', remote_explosive: 'Remote explosive', shoot_down_claim: 'Shoot-down claim',
  cross_border_fire: 'Cross-border fire', other: 'Other',
};
export const PARTY_NAMES = {
  af_government: 'Afghan government', pk_government: 'Pakistani government', un: 'United Nations',
  local_official: 'Local official', armed_group: 'Armed group', independent: 'Independent monitor',
  media: 'Media', other: 'Other',
};
export const SIDE_NAMES = {
  af_forces: 'Afghan forces', pk_forces: 'Pakistani forces', civilians: 'Civilians', militants: 'Militants',
  unspecified: 'Unspecified',
};
export const PRECISION_NAMES = {
  exact: 'exact location', near: 'near a named place', district: 'district level', province: 'province level',
  border_segment: 'along the border', country: 'country level', multiple: 'several areas',
};

/** Days since 1970-01-01 in UTC+4:30 (Afghan time), so "the night of the 26th" stays on the 26th. */
export const OFFSET_MS = 4.5 * 3600 * 1000;
export function dayOf(iso) {
  return Math.floor((Date.parse(iso) + OFFSET_MS) / 86400000);
}
export function dayToDate(day) {
  return new Date(day * 86400000);
}
export function dayToIso(day) {
  return dayToDate(day).toISOString().slice(0, 10);
}
export function isoToDay(s) {
  return Math.floor(Date.parse(s + 'T00:00:00Z') / 86400000);
}
export function dayWords(day) {
  const d = dayToDate(day);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function local(iso) {
  return new Date(Date.parse(iso) + OFFSET_MS);
}

/** The incident's time in words, at its precision, in Afghan local time. */
export function whenWords(occurred) {
  const s = local(occurred.start);
  const e = local(occurred.end);
  const day = (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const hm = (d) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  switch (occurred.precision) {
    case 'month':
      return s.getUTCMonth() === e.getUTCMonth() && s.getUTCFullYear() === e.getUTCFullYear()
        ? `${LONG_MONTHS[s.getUTCMonth()]} ${s.getUTCFullYear()}`
        : `${LONG_MONTHS[s.getUTCMonth()]} – ${LONG_MONTHS[e.getUTCMonth()]} ${e.getUTCFullYear()} (month known)`;
    case 'week':
      return `week of ${day(s)}`;
    case 'day':
      return day(s) === day(e) ? day(s) : `${day(s)} – ${day(e)}`;
    case 'part_of_day':
      return day(s) === day(e) ? `${day(s)}, ${hm(s)}–${hm(e)} (approx.)` : `night of ${day(s)} – ${day(e)} (approx.)`;
    case 'hour':
    default:
      return day(s) === day(e) || hm(e) === '00:00' ? `${day(s)}, ${hm(s)}–${hm(e)} Afghan time` : `${day(s)} ${hm(s)} – ${day(e)} ${hm(e)}`;
  }
}

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function num(v) {
  return v === null || v === undefined ? '–' : Number(v).toLocaleString('en');
}

/** "2–133 killed claimed", "13 killed claimed" or "" for a killed range [min, max]. */
export function killedRange(min, max) {
  if (min === null || min === undefined || max === null || max === undefined || max < 0) {
    return '';
  }
  return min === max ? `${num(min)} killed claimed` : `${num(min)}–${num(max)} killed claimed`;
}
