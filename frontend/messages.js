// Every string the reader sees, in the reader's language: the texts are in i18n/<lang>.json (one file
// per language, edited by translators, terms in docs/GLOSSARY.md); this module gives them the shape
// the page's modules use. Plain strings, or functions where a number or name goes in.

import { t, group, num, monthName, monthText, yearText, LANG, DIR, LANGUAGES } from './i18n.js';
import { MARKS } from './config.js';

export { LANG, DIR, LANGUAGES };
/** The incident types' names in the server's order (config.json's marks), translated by value, else the server's English name. */
export const TYPE_NAMES = typeNames(group('type'), await MARKS);
export const PARTY_NAMES = group('party');
export const SIDE_NAMES = group('side');
export const PRECISION_NAMES = group('precision');
export const TIME_PRECISION_NAMES = group('timePrecision');
export const ZONE_NAMES = group('zone');
/** The layer switcher's names of the server's collections drawn from their tiles (else the server's title). */
export const COLLECTION_NAMES = group('collection');
const CLAIMS_ABOUT = group('claimsAbout');

const incidents = (n) => t('incidents', { n });

/** A string with a name from the data in it (a place, an outlet): isolated, so it keeps its own direction. */
const iso = (s) => `\u2068${s}\u2069`;

export const MSG = {
  language: t('language'),
  pageTitle: t('pageTitle'),
  searchLabel: t('searchLabel'),
  searchPlaceholder: t('searchPlaceholder'),
  searchGo: t('searchGo'),
  searchNone: (q) => t('searchNone', { q: iso(q) }),
  searchNoneShort: t('searchNoneShort'),
  searchShowing: (name) => t('searchShowing', { name: iso(name) }),
  filters: t('filters'),
  filterType: t('filterType'),
  filterClaimsBy: t('filterClaimsBy'),
  filterParty: t('filterParty'),
  anyParty: t('anyParty'),
  contestedOnly: t('contestedOnly'),
  embed: t('embed'),
  about: t('about'),
  listButton: t('listButton'),
  mapRegion: t('mapRegion'),
  listTitle: t('listTitle'),
  listCount: (shown, total) => (shown < total ? t('listCountSome', { incidents: incidents(total), shown })
    : t('listCountAll', { incidents: incidents(total) })),
  listEmpty: t('listEmpty'),
  closePanel: t('closePanel'),
  timeline: t('timeline'),
  play: t('play'),
  pause: t('pause'),
  allDates: t('allDates'),
  histogram: t('histogram'),
  histogramDay: (day, n) => t('histogramDay', { day, incidents: incidents(n) }),
  shown: (words, n, total) => (n < total ? t('shownOf', { words, incidents: incidents(n), total }) : t('shown', { words, incidents: incidents(n) })),
  dataAsOf: (when) => t('dataAsOf', { when }),
  pinnedAsOf: (when) => t('pinnedAsOf', { when }),
  openFullMap: t('openFullMap'),
  // the map (the attribution is HTML: its prefix is escaped)
  attribution: `${t('attribution').replace(/&/g, '&amp;').replace(/</g, '&lt;')} <a href="https://www.naturalearthdata.com">Natural Earth</a>, `
    + '<a href="https://www.geonames.org">GeoNames</a> (CC BY 4.0)',
  /** A month tick's name: "Feb", with its year "January 2026" (long) or "Jan 2026" (short), or the year alone. */
  monthAxis: (month, year, form) => (form === 'year' ? yearText(year) : form ? monthText(year, month, form === 'short') : monthName(month)),
  layerPoints: t('layerPoints'),
  layerAreas: t('layerAreas'),
  layerBorder: t('layerBorder'),
  layerCrossings: t('layerCrossings'),
  layerProvinces: t('layerProvinces'),
  layerLabels: t('layerLabels'),
  legend: t('legend'),
  legendArea: t('legendArea'),
  legendCountry: t('legendCountry'),
  legendContested: t('legendContested'),
  legendBorder: t('legendBorder'),
  legendSegment: t('legendSegment'),
  legendCrossing: t('legendCrossing'),
  legendCluster: t('legendCluster'),
  contestedBorder: (name) => t('contestedBorder', { name: iso(name) }),
  km: (n) => t('km', { n }),
  crossing: (name) => t('crossing', { name: iso(name) }),
  noKilled: t('noKilled'),
  killedRange: (min, max) => (min === max ? t('killedOne', { n: min }) : t('killedRange', { min, max })),
  cluster: (n, mix, range) => t('cluster', { incidents: incidents(n), mix: range ? `${mix} · ${range}` : mix }),
  areaGroup: (n, place) => t('areaGroup', { n, place: iso(place) }),
  areaPick: t('areaPick'),
  wheelHint: t('wheelHint'),
  liveNew: (n) => t('liveNew', { n }),
  // the panel
  operation: (name) => t('operation', { name: iso(name) }),
  contested: t('contested'),
  contestedTitle: t('contestedTitle'),
  draft: t('draft'),
  when: t('when'),
  where: t('where'),
  noClaims: t('noClaims'),
  claimsAbout: (side) => CLAIMS_ABOUT[side] || side,
  claimant: t('claimant'),
  source: t('source'),
  sources: t('sources'),
  version: (v, updated) => t('version', { v: num(v), updated }),
  pinnedVersion: (when) => t('pinnedVersion', { when }),
  statementIn: t('statementIn'),
  figures: group('figure'),
  // times
  monthKnown: t('monthKnown'),
  weekOf: (day) => t('weekOf', { day }),
  approx: t('approx'),
  nightOf: (a, b) => t('nightOf', { a, b }),
  // the embed dialog
  embedTitle: t('embedTitle'),
  embedSize: t('embedSize'),
  embedSizes: group('embedSize'),
  embedPinned: t('embedPinned'),
  embedPinnedNote: (when) => t('embedPinnedNote', { when }),
  embedLiveNote: t('embedLiveNote'),
  embedFilters: (text) => t('embedFilters', { text }),
  embedNoFilters: t('embedNoFilters'),
  embedCode: t('embedCode'),
  embedPreview: t('embedPreview'),
  embedCopy: t('embedCopy'),
  embedCopied: t('embedCopied'),
  embedClose: t('embedClose'),
  embedIframeTitle: t('embedIframeTitle'),
  filterNote: (parts) => parts.join(' · '),
  filterTypes: (names) => names.join(DIR === 'rtl' ? '، ' : ', '),
  joinList: (items) => items.join(DIR === 'rtl' ? '، ' : ', '),
  filterByParty: (name) => t('filterByParty', { name }),
  filterContested: t('filterContested'),
  // the About page
  aboutPage: group('aboutPage'),
};

function typeNames(words, marks) {
  return Object.fromEntries(marks.map((m) => [m.value, words[m.value] ?? m.label]));
}
