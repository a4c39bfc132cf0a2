// Places in the reader's script and in their own time zone. The server names every place an incident
// can be at in the reader's language (/api/places/names: the gazetteer's Pashto, Dari or Urdu name,
// else the English one) with its country, which also decides the zone an incident's times are read in.

import { LANG } from './lang.js';

/** The gazetteer's language for the page's: Dari is GeoNames' fa. */
export const GAZETTEER_LANG = { en: 'en', ps: 'ps', 'fa-AF': 'fa', ur: 'ur' }[LANG] || 'en';

const byId = new Map();
const byName = new Map();

let loading = null;

/** Loads the names once, however often asked; the page renders names and times after it (a failure leaves English and Afghan time). */
export function loadPlaces() {
  loading ??= fetchNames();
  return loading;
}

async function fetchNames() {
  try {
    const r = await fetch(`/api/places/names?lang=${GAZETTEER_LANG}`);
    if (!r.ok) {
      throw new Error(`${r.status}`);
    }
    for (const [id, name, local, country] of (await r.json()).places) {
      const place = { name: local || name, country };
      byId.set(id, place);
      if (!byName.has(name)) {
        byName.set(name, place);
      }
    }
  } catch (e) {
    console.warn('place names', e);
  }
}

/** A place's name in the reader's script (its id known), or the name it was given. */
export function placeName(id, name) {
  return byId.get(id)?.name || name;
}

/** The names of an incident's places, full ({places: [{id, name}]}) or lean ({place: 'A; B'}), in the reader's script. */
export function placeNames(p) {
  return incidentPlaces(p).map((pl) => pl.name);
}

/**
 * The zone an incident's times are read in: Pakistan time when all its places that lie in a country
 * lie in Pakistan (a crossing or the border lies in both), otherwise Afghan time.
 */
export function zoneOfPlaces(p) {
  const countries = incidentPlaces(p).map((pl) => pl.country).filter(Boolean);
  return countries.length && countries.every((c) => c === 'PK') ? 'Asia/Karachi' : 'Asia/Kabul';
}

/** The places of an incident, full ({places: [{id, name}]}) or lean ({place: 'A; B'}), with their countries. */
function incidentPlaces(p) {
  if (Array.isArray(p.places)) {
    return p.places.map((pl) => byId.get(pl.id) || { name: pl.name, country: countryOfId(pl.id) });
  }
  return String(p.place || '').split('; ').filter(Boolean).map((n) => byName.get(n) || { name: n, country: null });
}

/** Before the names have loaded: the country an id spells (af-…, pk-…), if any. */
function countryOfId(id) {
  const prefix = String(id || '').slice(0, 3);
  return prefix === 'af-' ? 'AF' : prefix === 'pk-' ? 'PK' : null;
}
