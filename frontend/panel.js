// The incident panel: every claim side by side, grouped by whose losses it states. No single number.

import { esc, num, whenWords, zoneOf, TYPE_NAMES, PARTY_NAMES, PRECISION_NAMES, TIME_PRECISION_NAMES } from './format.js';
import { MSG } from './messages.js';
import { dayText } from './i18n.js';
import { placeNames } from './places.js';

const FIGURES = Object.entries(MSG.figures);

/** The panel's HTML; pinned is the moment a pinned embed shows the incident as it was, or null. */
export function renderPanel(p, pinned = null) {
  const sources = new Map((p.sources || []).map((s) => [s.id, s]));
  const bySide = new Map();
  for (const c of p.claims || []) {
    if (!bySide.has(c.side)) {
      bySide.set(c.side, []);
    }
    bySide.get(c.side).push(c);
  }
  const places = MSG.joinList(placeNames(p).map((name) => `<bdi>${esc(name)}</bdi>`));
  let html = `<h2 id="panel-title" tabindex="-1"><bdi lang="${esc(p.lang || 'en')}">${esc(p.title)}</bdi></h2>
    <p class="meta">${esc(TYPE_NAMES[p.type] || p.type)}${p.operation ? ` · ${esc(MSG.operation(p.operation))}` : ''}
      ${p.contested ? ` <span class="badge" title="${esc(MSG.contestedTitle)}">${esc(MSG.contested)}</span>` : ''}
      ${p.status === 'draft' ? ` <span class="badge quiet">${esc(MSG.draft)}</span>` : ''}</p>
    <p class="meta"><strong>${esc(MSG.when)}</strong> ${esc(whenWords(p.occurred, zoneOf(p)))} <span class="badge quiet">${esc(TIME_PRECISION_NAMES[p.occurred.precision] || p.occurred.precision)}</span></p>
    <p class="meta"><strong>${esc(MSG.where)}</strong> ${places || '–'} <span class="badge quiet">${esc(PRECISION_NAMES[p.geo_precision] || p.geo_precision)}</span></p>
    ${p.summary ? `<p class="summary" lang="${esc(p.lang || 'en')}" dir="auto">${esc(p.summary)}</p>` : ''}`;
  if (!bySide.size) {
    html += `<p class="meta">${esc(MSG.noClaims)}</p>`;
  }
  for (const [side, claims] of bySide) {
    const used = FIGURES.filter(([k]) => claims.some((c) => c[k] !== null && c[k] !== undefined));
    html += `<table class="claims" data-side="${esc(side)}">
      <caption>${esc(MSG.claimsAbout(side))}</caption>
      <thead><tr><th scope="col">${esc(MSG.claimant)}</th>${used.map(([, name]) => `<th scope="col" class="n">${esc(name)}</th>`).join('')}</tr></thead>
      <tbody>`;
    for (const c of claims) {
      const cited = (c.sources || []).map((id) => sources.get(id)).filter(Boolean);
      html += `<tr class="claim" data-party="${esc(c.party)}">
        <th scope="row"><span class="party party-${esc(c.party)}" aria-hidden="true"></span><bdi lang="${esc(c.lang || p.lang || 'en')}">${esc(c.claimant)}</bdi>
          <span class="statement">· ${esc(PARTY_NAMES[c.party] || c.party)}${c.stated_at ? `, <bdi>${esc(c.stated_at)}</bdi>` : ''}</span></th>
        ${used.map(([k]) => `<td class="n">${num(c[k])}</td>`).join('')}</tr>
        <tr class="claim-detail"><td colspan="${used.length + 1}">${c.statement ? `<q class="statement-text" lang="${esc(c.statement_lang || c.lang || p.lang || 'en')}" dir="auto" title="${esc(MSG.statementIn)}">${esc(c.statement)}</q> ` : ''}
          <span class="cited">${esc(MSG.source)} ${cited.map((s) => sourceLink(s)).join(', ') || '–'}</span></td></tr>`;
    }
    html += '</tbody></table>';
  }
  if (sources.size) {
    html += `<h3>${esc(MSG.sources)}</h3><ol class="sources">${[...sources.values()].map((s) =>
      `<li id="src-${esc(s.id)}">${sourceLink(s, true)}</li>`).join('')}</ol>`;
  }
  html += `<p class="meta">${esc(pinned ? MSG.pinnedVersion(pinned) : MSG.version(p.version, p.updated ? dayText(new Date(p.updated)) : '–'))} ·
    <a href="/api/incidents/${encodeURIComponent(p.id)}">GeoJSON</a></p>`;
  return html;
}

function sourceLink(s, long = false) {
  const text = long
    ? `${esc(s.id)}: ${esc(s.outlet)}${s.wire ? ` (${esc(s.wire)})` : ''}${s.published ? `, ${esc(s.published)}` : ''}`
    : `${esc(s.outlet)}${s.wire ? ` / ${esc(s.wire)}` : ''}${s.published ? ` ${esc(s.published.slice(5))}` : ''}`;
  // an outlet's name keeps its own direction inside a right-to-left sentence
  return s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer" target="_blank"><bdi>${text}</bdi></a>` : `<bdi>${text}</bdi>`;
}
