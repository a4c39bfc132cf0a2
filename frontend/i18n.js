// The reader's language: English, Pashto, Dari or Urdu, chosen by ?lang=, the language menu (kept in
// localStorage) or the browser's preference (lang.js, which asks for the strings first). Its strings come
// from i18n/<lang>.json, one file per language that a translator edits; numbers and dates are formatted
// by Intl in the locale's digits.

import { LANGUAGES, LANG, DIR, STRINGS as STRINGS_REQUEST } from './lang.js';

export { LANGUAGES, supported, pickLanguage, LANG, DIR } from './lang.js';

const STRINGS = await STRINGS_REQUEST;

/** Remembers the reader's choice and reloads the page in it, keeping the view (the permalink). */
export function switchLanguage(lang) {
  try {
    localStorage.setItem('lang', lang);
  } catch {
    // no storage: the URL alone carries it
  }
  const q = new URLSearchParams(location.search);
  q.set('lang', lang);
  location.search = q.toString();
}

const plurals = new Intl.PluralRules(LANG);
const numbers = new Intl.NumberFormat(LANGUAGES[LANG].numbers, { numberingSystem: LANGUAGES[LANG].digits });

/** A number in the locale's digits (۱٬۲۳۴ in Dari, Pashto and Urdu). */
export function num(n) {
  return numbers.format(n);
}

/**
 * The string for key with {name} placeholders filled in; a plural string is an object of
 * Intl.PluralRules categories, chosen by the parameter n. Numbers are put in the locale's digits.
 */
export function t(key, params = {}) {
  let s = STRINGS[key];
  if (s === undefined) {
    throw new Error(`no string ${key} in ${LANG}.json`);
  }
  if (typeof s === 'object') {
    s = s[plurals.select(params.n)] ?? s.other;
  }
  return s.replace(/\{(\w+)\}/g, (m, k) => (typeof params[k] === 'number' ? num(params[k]) : String(params[k] ?? '')));
}

/** Every key of a group ("type.air_strike" … ) as an object { air_strike: string }. */
export function group(prefix) {
  return Object.fromEntries(Object.keys(STRINGS).filter((k) => k.startsWith(prefix + '.'))
    .map((k) => [k.slice(prefix.length + 1), STRINGS[k]]));
}

// ------------------------------------------------------------------ dates

// Chromium's Intl lacks Pashto's names and patterns (it falls back to English), so dates are written
// from the language file's month names and patterns; Intl gives only the calendar arithmetic (Gregorian
// and Solar Hijri, in a time zone) and the digits.
const digits = new Intl.NumberFormat(LANGUAGES[LANG].numbers, { numberingSystem: LANGUAGES[LANG].digits, useGrouping: false });
const twoDigits = new Intl.NumberFormat(LANGUAGES[LANG].numbers, { numberingSystem: LANGUAGES[LANG].digits, useGrouping: false,
  minimumIntegerDigits: 2 });
const MONTHS = group('month');
const SHORT_MONTHS = group('monthShort');
const SOLAR_MONTHS = group('solarMonth');
const calendars = new Map();

/** The numeric parts (year, month 1–12, day, hour, minute) of a moment in a calendar and a zone. */
function parts(date, tz, calendar) {
  const key = calendar + tz;
  if (!calendars.has(key)) {
    calendars.set(key, new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, { timeZone: tz, year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }));
  }
  const out = {};
  for (const p of calendars.get(key).formatToParts(date)) {
    if (['year', 'month', 'day', 'hour', 'minute'].includes(p.type)) {
      out[p.type] = Number.parseInt(p.value, 10);
    }
  }
  return out;
}

/** A day, "26 Feb 2026" / "۲۶ فبروری ۲۰۲۶", in a zone (UTC for the timeline's days). */
export function dayText(date, tz = 'UTC') {
  const p = parts(date, tz, 'gregory');
  return t('dayPattern', { day: digits.format(p.day), month: SHORT_MONTHS[p.month], year: digits.format(p.year) });
}

/** The Gregorian month and year, "February 2026" (short: "Feb 2026") in every language. */
export function monthText(year, month, short = false) {
  return t('monthPattern', { month: (short ? SHORT_MONTHS : MONTHS)[month + 1], year: yearText(year) });
}

/** A year in the locale's digits, ungrouped ("2026", "۲۰۲۶"). */
export function yearText(year) {
  return digits.format(year);
}

export function monthName(month, long = false) {
  return (long ? MONTHS : SHORT_MONTHS)[month + 1];
}

/** Hours and minutes in a zone, 24-hour, in the locale's digits. */
export function timeText(date, tz) {
  const p = parts(date, tz, 'gregory');
  return `${twoDigits.format(p.hour % 24)}:${twoDigits.format(p.minute)}`;
}

/** The Solar Hijri day ("۷ حوت ۱۴۰۴ هـ.ش") beside the Gregorian one for Dari and Pashto, or null. */
export function solarHijri(date, tz = 'UTC') {
  if (!LANGUAGES[LANG].solarHijri) {
    return null;
  }
  const p = parts(date, tz, 'persian');
  return t('solarHijri', { day: digits.format(p.day), month: SOLAR_MONTHS[p.month], year: digits.format(p.year) });
}

/** A Leaflet corner mirrored for right-to-left: "topleft" is "topright" in Pashto, Dari and Urdu. */
export function side(corner) {
  return DIR === 'rtl' ? corner.replace(/left|right/, (s) => (s === 'left' ? 'right' : 'left')) : corner;
}

/** Fills the language menu (each name in its own language) and switches on change. */
export function languageMenu(select) {
  if (!select) {
    return;
  }
  for (const [code, { name }] of Object.entries(LANGUAGES)) {
    const o = document.createElement('option');
    o.value = code;
    o.lang = code;
    o.textContent = name;
    o.selected = code === LANG;
    select.appendChild(o);
  }
  select.addEventListener('change', () => switchLanguage(select.value));
}
