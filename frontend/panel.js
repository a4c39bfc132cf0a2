// The incident panel: every claim side by side, grouped by whose losses it states. No single number.

import { esc, num, whenWords, TYPE_NAMES, PARTY_NAMES, SIDE_NAMES, PRECISION_NAMES } from './format.js';

const FIGURES = [
  ['killed', 'Killed'], ['wounded', 'Wounded'], ['captured', 'Captured'], ['posts_captured', 'Posts taken'],
  ['posts_destroyed', 'Posts destroyed'], ['aircraft_downed', 'Aircraft downed'],
];

export function renderPanel(p) {
  const sources = new Map((p.sources || []).map((s) => [s.id, s]));
  const bySide = new Map();
  for (const c of p.claims || []) {
    if (!bySide.has(c.side)) {
      bySide.set(c.side, []);
    }
    bySide.get(c.side).push(c);
  }
  const places = (p.places || []).map((pl) => esc(pl.name)).join(', ');
  let html = `<h2 id="panel-title">${esc(p.title)}</h2>
    <p class="meta">${esc(TYPE_NAMES[p.type] || p.type)}${p.operation ? ` · Operation ${esc(p.operation)}` : ''}
      ${p.contested ? ' <span class="badge" title="Claims by different parties about the same side disagree">contested</span>' : ''}
      ${p.status === 'draft' ? ' <span class="badge quiet">draft</span>' : ''}</p>
    <p class="meta"><strong>When:</strong> ${esc(whenWords(p.occurred))} <span class="badge quiet">${esc(p.occurred.precision.replace(/_/g, ' '))}</span></p>
    <p class="meta"><strong>Where:</strong> ${places || '–'} <span class="badge quiet">${esc(PRECISION_NAMES[p.geo_precision] || p.geo_precision)}</span></p>
    ${p.summary ? `<p class="summary">${esc(p.summary)}</p>` : ''}`;
  if (!bySide.size) {
    html += '<p class="meta">No claims recorded.</p>';
  }
  for (const [side, claims] of bySide) {
    const used = FIGURES.filter(([k]) => claims.some((c) => c[k] !== null && c[k] !== undefined));
    html += `<table class="claims" data-side="${esc(side)}">
      <caption>Claims about ${esc((SIDE_NAMES[side] || side).toLowerCase())}</caption>
      <thead><tr><th scope="col">Claimant</th>${used.map(([, name]) => `<th scope="col" class="n">${name}</th>`).join('')}</tr></thead>
      <tbody>`;
    for (const c of claims) {
      const cited = (c.sources || []).map((id) => sources.get(id)).filter(Boolean);
      html += `<tr class="claim" data-party="${esc(c.party)}">
        <th scope="row"><span class="party party-${esc(c.party)}" aria-hidden="true"></span>${esc(c.claimant)}
          <span class="statement">· ${esc(PARTY_NAMES[c.party] || c.party)}${c.stated_at ? `, ${esc(c.stated_at)}` : ''}</span></th>
        ${used.map(([k]) => `<td class="n">${num(c[k])}</td>`).join('')}</tr>
        <tr class="claim-detail"><td colspan="${used.length + 1}">${c.statement ? `“${esc(c.statement)}” ` : ''}
          <span class="cited">Source: ${cited.map((s) => sourceLink(s)).join(', ') || '–'}</span></td></tr>`;
    }
    html += '</tbody></table>';
  }
  if (sources.size) {
    html += `<h3>Sources</h3><ol class="sources">${[...sources.values()].map((s) =>
      `<li id="src-${esc(s.id)}">${sourceLink(s, true)}</li>`).join('')}</ol>`;
  }
  html += `<p class="meta">Version ${esc(p.version)} · updated ${esc((p.updated || '').slice(0, 10))} ·
    <a href="/api/incidents/${encodeURIComponent(p.id)}">GeoJSON</a></p>`;
  return html;
}

function sourceLink(s, long = false) {
  const text = long
    ? `${esc(s.id)}: ${esc(s.outlet)}${s.wire ? ` (${esc(s.wire)})` : ''}${s.published ? `, ${esc(s.published)}` : ''}`
    : `${esc(s.outlet)}${s.wire ? ` / ${esc(s.wire)}` : ''}${s.published ? ` ${esc(s.published.slice(5))}` : ''}`;
  return s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer" target="_blank">${text}</a>` : text;
}
