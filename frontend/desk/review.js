// Review one incident: the article text beside the draft with the provenance spans highlighted,
// every field editable, claims added/edited/removed, sources, publish/unpublish/delete, split.
// Every write sends If-Match: a stale edit is refused and the editor's form is kept.

import { call, explain, startDay, endDay, dayBound } from './api.js';
import { notice, failed } from './desk.js';
import { geometryHtml, geometryEditor } from './geometry.js';
import { watchPresence, presenceWords } from './presence.js';
import { TYPE_NAMES, PARTY_NAMES, SIDE_NAMES, PRECISION_NAMES, esc, zoneOf } from '../format.js';
import { loadPlaces, placeName } from '../places.js';

const TIME_PRECISIONS = ['hour', 'part_of_day', 'day', 'week', 'month'];
const options = (names, value) => Object.entries(names).map(([k, v]) => `<option value="${k}"${k === value ? ' selected' : ''}>${esc(v)}</option>`).join('');

/** The article text as HTML, each provenance span a <mark> naming the field(s) it produced. */
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  ok.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const fields = ok.filter((s) => s.start <= a && s.end >= b).map((s) => s.field);
    const piece = esc(text.slice(a, b));
    if (fields.length) {
      const cls = [...new Set(fields.map((f) => `f-${f.replace(/\[.*$/, '')}`))].join(' ');
      html += `<mark class="${cls}" data-fields="${esc(fields.join(' '))}" title="${esc(fields.join(', '))}">${piece}</mark>`;
    } else {
      html += piece;
    }
  }
  return html;
}

async function articlesOf(f) {
  // for editors the incident carries the ingest's provenance and its articles (GET /api/incidents/{id})
  const ids = new Set([...(f.properties.articles || []), ...(f.properties.provenance || []).map((s) => s.article).filter(Boolean)]);
  const out = [];
  for (const id of ids) {
    try {
      // key case differs by store today (H2 answers TEXT, OUTLET…): read the article either way
      const a = (await call('GET', `/api/articles/${encodeURIComponent(id)}`)).data;
      out.push(Object.fromEntries(Object.entries(a).map(([k, v]) => [k.toLowerCase(), v])));
    } catch {
      // an article that cannot be read is left out
    }
  }
  return out;
}

/**
 * The places of the Places field by name, as the reader's map names them, with their kind and province
 * ({@code known}: id → {name, kind, province}); an id the gazetteer does not have says so.
 */
function placeItems(ids, known) {
  return ids.map((x) => {
    const k = known.get(x) || {};
    const about = [k.kind === 'unknown' ? 'not in the gazetteer' : k.kind, k.province, x].filter(Boolean).map(esc).join(', ');
    return `<li data-id="${esc(x)}">${k.name ? `<bdi>${esc(placeName(x, k.name))}</bdi> ` : ''}<span class="muted">(${about})</span></li>`;
  }).join('');
}

function claimRow(c, n, sourceIds) {
  return `<tr data-n="${n}">
    <td><input type="checkbox" class="split-pick" aria-label="Move claim ${n + 1} to a new draft"></td>
    <td><input class="c-claimant" value="${esc(c.claimant || '')}" aria-label="Claimant of claim ${n + 1}">
      <textarea class="c-statement" rows="2" maxlength="2000" placeholder="What the claimant stated" aria-label="Statement of claim ${n + 1}">${esc(c.statement || '')}</textarea></td>
    <td><select class="c-party" aria-label="Party of claim ${n + 1}">${options(PARTY_NAMES, c.party)}</select></td>
    <td><select class="c-side" aria-label="Side of claim ${n + 1}">${options(SIDE_NAMES, c.side)}</select></td>
    <td><input class="c-killed" type="number" min="0" value="${c.killed ?? ''}" aria-label="Killed, claim ${n + 1}"></td>
    <td><input class="c-wounded" type="number" min="0" value="${c.wounded ?? ''}" aria-label="Wounded, claim ${n + 1}"></td>
    <td><input class="c-sources" value="${esc((c.sources || []).join(', '))}" aria-label="Sources of claim ${n + 1}" placeholder="${esc(sourceIds.join(', '))}"></td>
    <td class="nowrap"><button type="button" class="c-move" aria-label="Move claim ${n + 1} to another incident" title="Move to another incident">⇄</button>
      <button type="button" class="c-remove" aria-label="Remove claim ${n + 1}">×</button></td></tr>`;
}

function sourceRow(s, n) {
  return `<tr data-n="${n}"><td><input class="s-id" value="${esc(s.id || '')}" aria-label="Source ${n + 1} id"></td>
    <td><input class="s-outlet" value="${esc(s.outlet || '')}" aria-label="Source ${n + 1} outlet"></td>
    <td><input class="s-url" value="${esc(s.url || '')}" aria-label="Source ${n + 1} URL"></td>
    <td><input class="s-published" type="date" value="${esc((s.published || '').slice(0, 10))}" aria-label="Source ${n + 1} published"></td>
    <td><button type="button" class="s-remove" aria-label="Remove source ${n + 1}">×</button></td></tr>`;
}

// Ctrl+S saves the incident under review (one listener for the page, whichever incident is open)
document.addEventListener('keydown', (ev) => {
  const form = document.getElementById('edit');
  if (form && (ev.ctrlKey || ev.metaKey) && ev.key === 's') {
    ev.preventDefault();
    form.requestSubmit();
  }
});

export async function showReview(main, id) {
  const [{ data: f }] = await Promise.all([call('GET', `/api/incidents/${encodeURIComponent(id)}`), loadPlaces()]);
  const p = f.properties;
  // the days in the incident's own zone, as the map shows them: a Pakistani day from 19:00Z (docs/QA.md, D7)
  const zone = zoneOf(p);
  const zoneName = zone === 'Asia/Karachi' ? 'Pakistan time' : 'Afghan time';
  const articles = await articlesOf(f);
  const spans = p.provenance || [];
  // the ingest's draft of a published incident's event (tag amends:<id>): accepted by merging it into that incident
  const amends = (p.tags || []).find((t) => t.startsWith('amends:'))?.slice('amends:'.length);
  main.innerHTML = `<div class="review">
    <section class="article" id="article" aria-label="Article text" tabindex="0">${articles.length ? articles.map((a) => `<h3>${esc(a.title || 'Article')} <span class="muted">${esc(a.outlet)}${a.published ? ` · ${esc(String(a.published).slice(0, 10))}` : ''}</span></h3>
      ${a.url ? `<p><a href="${esc(a.url)}" rel="noopener noreferrer" target="_blank">${esc(a.url)}</a></p>` : ''}
      <div class="text" data-article="${esc(a.id)}">${highlighted(a.text || '', spans.filter((s) => s.article === a.id))}</div>`).join('<hr>')
      : '<p class="muted">No article text for this incident.</p>'}
      ${spans.length ? '' : articles.length ? '<p class="muted">The ingest gave no provenance for this draft: nothing is highlighted.</p>' : ''}</section>
    <form class="edit form" id="edit" aria-label="Edit the incident">
      <p id="presence" class="presence" role="status" hidden></p>
      ${amends && p.status === 'draft' ? `<p id="amends" class="presence">Another report of the published incident
        <a href="#/review/${encodeURIComponent(amends)}">${esc(amends)}</a>. <button type="button" id="accept-amendment" class="primary">Add it to ${esc(amends)}</button>
        <span class="muted">its claims, sources and places join the published incident, and this draft goes; <em>Publish</em> would map the event twice.</span></p>` : ''}
      <h2>${esc(p.title)} <span class="badge ${esc(p.status)}" id="status-badge">${esc(p.status)}</span> <span class="muted" id="version">version ${p.version}</span></h2>
      <div class="grid">
        <div class="full"><label for="e-title">Title</label><input id="e-title" value="${esc(p.title)}" maxlength="300" required data-focus>
          <button type="button" id="e-retitle" title="The title is not changed with the type, places or date: this writes it anew from them (saved with Save)">Title from type, places and date</button></div>
        <div><label for="e-type">Type</label><select id="e-type">${options(TYPE_NAMES, p.type)}</select></div>
        <div><label for="e-start">From <span class="muted">(${zoneName})</span></label><input id="e-start" type="date" value="${esc(startDay(p.occurred.start, zone))}"></div>
        <div><label for="e-end">To <span class="muted">(${zoneName})</span></label><input id="e-end" type="date" value="${esc(endDay(p.occurred.end, zone))}"></div>
        <div><label for="e-precision">Time precision</label><select id="e-precision">${TIME_PRECISIONS.map((t) => `<option${t === p.occurred.precision ? ' selected' : ''}>${t}</option>`).join('')}</select></div>
        <div class="wide"><label for="e-places">Places (gazetteer ids)</label><input id="e-places" value="${esc(p.places.map((x) => x.id).join(', '))}" aria-describedby="e-place-names">
          <ul id="e-place-names" class="place-names" aria-live="polite">${placeItems(p.places.map((x) => x.id), new Map(p.places.map((x) => [x.id, { name: x.name }])))}</ul></div>
        <div><label for="e-place-search">Find a place</label><input id="e-place-search" type="search" list="place-hits" placeholder="Khost…"><datalist id="place-hits"></datalist></div>
        <div><label for="e-geo">Location precision</label><select id="e-geo">${options(PRECISION_NAMES, p.geo_precision)}</select></div>
        <div class="full">${geometryHtml()}</div>
        <div class="full"><label for="e-summary">Summary</label><textarea id="e-summary" rows="2" maxlength="4000">${esc(p.summary || '')}</textarea></div>
      </div>
      <h3>Claims</h3>
      <table class="claims" id="claims"><thead><tr><th scope="col"><span title="select to split">⇱</span></th><th scope="col">Claimant and statement</th><th scope="col">Party</th><th scope="col">Side</th><th scope="col">Killed</th><th scope="col">Wounded</th><th scope="col">Sources</th><th scope="col"></th></tr></thead>
        <tbody>${p.claims.map((c, n) => claimRow(c, n, p.sources.map((s) => s.id))).join('')}</tbody></table>
      <button type="button" id="add-claim">Add a claim</button>
      <section id="move-panel" class="move" hidden aria-label="Move a claim to another incident">
        <label for="move-search" id="move-label">Move the claim to</label>
        <input id="move-search" type="search" placeholder="Search incidents by title…" autocomplete="off">
        <button type="button" id="move-cancel">Cancel</button>
        <ul id="move-hits" class="hits"></ul>
      </section>
      <h3>Sources</h3>
      <table id="sources"><thead><tr><th scope="col">Id</th><th scope="col">Outlet</th><th scope="col">URL</th><th scope="col">Published</th><th scope="col"></th></tr></thead>
        <tbody>${p.sources.map(sourceRow).join('')}</tbody></table>
      <button type="button" id="add-source">Add a source</button>
      <div class="actions">
        <button class="primary" type="submit" id="save" title="Ctrl+S">Save</button>
        <button type="button" id="publish">${p.status === 'published' ? 'Unpublish' : 'Publish'}</button>
        <button type="button" id="split">Split the selected claims out</button>
        <a href="#/history/${encodeURIComponent(f.id)}" id="history-link">History</a>
        <button type="button" class="danger" id="delete">Delete</button>
      </div>
    </form></div>`;
  const $ = (sel) => main.querySelector(sel);
  const claims = $('#claims tbody');
  const sources = $('#sources tbody');
  const placeIds = () => $('#e-places').value.split(',').map((x) => x.trim()).filter(Boolean);
  const geometry = geometryEditor(main, f, { places: placeIds, precision: $('#e-geo') });
  const known = new Map(p.places.map((x) => [x.id, { name: x.name }]));
  const nameThePlaces = async () => {
    const ids = placeIds();
    await Promise.all(ids.filter((x) => !known.get(x)?.kind).map(async (x) => {
      try {
        const props = (await call('GET', `/api/places/${encodeURIComponent(x)}`)).data.properties || {};
        known.set(x, { name: props.name, kind: props.kind, province: props.admin1_name });
      } catch {
        known.set(x, { ...known.get(x), kind: known.get(x)?.kind || 'unknown' });
      }
    }));
    if (ids.join(',') === placeIds().join(',')) {
      $('#e-place-names').innerHTML = placeItems(ids, known);
    }
  };
  $('#e-places').addEventListener('change', nameThePlaces);
  nameThePlaces();
  // the ingest's title ("Shelling — Torkham (2033-03-18)") keeps its place and day when the editor corrects them:
  // offered anew from the fields, in its form (the kind as the title words it while the type is the stored one)
  $('#e-retitle').addEventListener('click', async () => {
    await nameThePlaces();
    const type = $('#e-type').value;
    const kind = (type === p.type && /^(.+?)(?: — | \()/.exec(p.title)?.[1]) || TYPE_NAMES[type] || type;
    const names = placeIds().filter((x) => !x.startsWith('border-')).map((x) => known.get(x)?.name).filter(Boolean);
    const day = $('#e-start').value;
    $('#e-title').value = `${kind}${names.length ? ` — ${names.join(', ')}` : ''}${day ? ` (${day})` : ''}`;
    $('#e-title').focus();
  });
  watchPresence(id, (others) => {
    const banner = main.querySelector('#presence');
    banner.textContent = presenceWords(others);
    banner.hidden = !others.length;
  });

  let moving = null;
  claims.addEventListener('click', (ev) => {
    if (ev.target.classList.contains('c-remove')) {
      ev.target.closest('tr').remove();
      return;
    }
    if (ev.target.classList.contains('c-move')) {
      moving = Number(ev.target.closest('tr').dataset.n);
      if (moving >= p.claims.length) {
        notice('Save the new claim first; then it can move.');
        return;
      }
      $('#move-label').textContent = `Move claim ${moving + 1} (${p.claims[moving].claimant || 'no claimant'}) to`;
      $('#move-panel').hidden = false;
      $('#move-search').focus();
      return;
    }
    const row = ev.target.closest('tr');
    if (!row) {
      return;
    }
    claims.querySelectorAll('tr').forEach((r) => r.classList.toggle('active', r === row));
    const field = `claims[${row.dataset.n}]`;
    let first = null;
    main.querySelectorAll('#article mark').forEach((m) => {
      const on = m.dataset.fields.split(' ').includes(field);
      m.classList.toggle('active', on);
      first = first || (on ? m : null);
    });
    first?.scrollIntoView({ block: 'center' });
  });
  claims.addEventListener('focusin', (ev) => ev.target.closest('tr')?.click());
  $('#add-claim').addEventListener('click', () => {
    claims.insertAdjacentHTML('beforeend', claimRow({ party: 'other', side: 'unspecified', sources: [] }, claims.rows.length, []));
    claims.lastElementChild.querySelector('.c-claimant').focus();
  });
  sources.addEventListener('click', (ev) => {
    if (ev.target.classList.contains('s-remove')) {
      ev.target.closest('tr').remove();
    }
  });
  $('#add-source').addEventListener('click', () => {
    sources.insertAdjacentHTML('beforeend', sourceRow({ id: `S${sources.rows.length + 1}` }, sources.rows.length));
    sources.lastElementChild.querySelector('.s-outlet').focus();
  });
  let searchTimer = null;
  $('#e-place-search').addEventListener('input', (ev) => {
    clearTimeout(searchTimer);
    const q = ev.target.value.trim();
    const chosen = [...main.querySelectorAll('#place-hits option')].find((o) => o.value === q);
    if (chosen) {
      const ids = $('#e-places').value.split(',').map((s) => s.trim()).filter(Boolean);
      ids.push(chosen.dataset.id);
      $('#e-places').value = [...new Set(ids)].join(', ');
      nameThePlaces();
      geometry.showPlace(chosen.dataset.id);
      ev.target.value = '';
      return;
    }
    searchTimer = setTimeout(async () => {
      if (q.length < 2) {
        return;
      }
      const { data } = await call('GET', `/api/places?limit=10&q=${encodeURIComponent(q)}`);
      $('#place-hits').innerHTML = data.features.map((x) => `<option data-id="${esc(x.id)}" value="${esc(`${x.properties.name} (${x.properties.kind}, ${x.id})`)}"></option>`).join('');
    }, 200);
  });

  const read = () => {
    const v = (sel) => $(sel).value.trim();
    const num = (x) => (x.value === '' ? null : Number(x.value));
    const feature = structuredClone(f);
    const q = feature.properties;
    q.title = v('#e-title');
    q.type = v('#e-type');
    q.summary = v('#e-summary') || null;
    q.geo_precision = v('#e-geo');
    const start = v('#e-start');
    const end = v('#e-end');
    const precision = v('#e-precision');
    if (start !== startDay(p.occurred.start, zone) || end !== endDay(p.occurred.end, zone) || precision !== p.occurred.precision) {
      q.occurred = { start: dayBound(start, false, zone), end: dayBound(end, true, zone), precision };
    }
    const places = v('#e-places').split(',').map((s) => s.trim()).filter(Boolean);
    const g = geometry.value();
    if (g.mode === 'drawn') {
      feature.geometry = g.geometry;
      q.places = g.places || places;
    } else if (g.mode === 'places' || places.join(',') !== p.places.map((x) => x.id).join(',')) {
      q.places = places;
      feature.geometry = null;
      if (g.mode === 'places' || q.geo_precision === p.geo_precision) {
        delete q.geo_precision; // the server takes it from the places
      }
    }
    q.claims = [...claims.rows].map((r) => {
      const old = p.claims[Number(r.dataset.n)] || {};
      return { ...old, claimant: r.querySelector('.c-claimant').value.trim(), party: r.querySelector('.c-party').value,
        side: r.querySelector('.c-side').value, killed: num(r.querySelector('.c-killed')), wounded: num(r.querySelector('.c-wounded')),
        statement: r.querySelector('.c-statement').value.trim() || null,
        sources: r.querySelector('.c-sources').value.split(',').map((s) => s.trim()).filter(Boolean) };
    });
    q.sources = [...sources.rows].map((r) => {
      const old = p.sources[Number(r.dataset.n)] || {};
      return { ...old, id: r.querySelector('.s-id').value.trim(), outlet: r.querySelector('.s-outlet').value.trim(),
        url: r.querySelector('.s-url').value.trim() || null, published: r.querySelector('.s-published').value || null };
    });
    return feature;
  };
  // the form as it opened: Publish sends what was edited since (it used to publish the stored version and
  // reload the form, and an edit not yet saved was gone without a word)
  const asOpened = JSON.stringify(read());
  const reload = () => showReview(main, id);
  const staleAware = (e) => {
    if (e.status === 412) {
      notice(`${explain(e)} Your edits are still in the form.`, { action: { label: 'Reload the incident', run: () => { notice(''); reload(); } } });
      return;
    }
    failed(e);
  };
  let moveTimer = null;
  $('#move-cancel').addEventListener('click', () => {
    $('#move-panel').hidden = true;
    claims.querySelector(`tr[data-n="${moving}"] .c-move`)?.focus();
  });
  $('#move-search').addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      $('#move-cancel').click();
    }
  });
  $('#move-search').addEventListener('input', (ev) => {
    clearTimeout(moveTimer);
    const q = ev.target.value.trim();
    moveTimer = setTimeout(async () => {
      if (q.length < 2) {
        $('#move-hits').innerHTML = '';
        return;
      }
      const { data } = await call('GET', `/api/incidents?status=all&limit=8&q=${encodeURIComponent(q)}`);
      $('#move-hits').innerHTML = data.features.filter((x) => x.id !== id).map((x) => `<li><button type="button" class="move-to" data-id="${esc(x.id)}"
        data-version="${x.properties.version}">${esc(x.properties.title)}</button> <span class="muted">${esc(x.properties.status)} · ${esc(startDay(x.properties.occurred.start, zoneOf(x.properties)))} · ${x.properties.claims.length} claims</span></li>`).join('')
        || '<li class="muted">No incident matches.</li>';
    }, 200);
  });
  $('#move-hits').addEventListener('click', async (ev) => {
    const to = ev.target.closest('.move-to');
    if (!to) {
      return;
    }
    try {
      await call('POST', `/api/incidents/${encodeURIComponent(id)}/claims/${moving}/move`,
        { to: to.dataset.id, to_version: Number(to.dataset.version) }, { version: p.version });
      notice(`Claim ${moving + 1} moved to “${to.textContent}”; both histories record it.`, { ok: true });
      await reload();
    } catch (e) {
      staleAware(e);
    }
  });
  $('#edit').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await call('PUT', `/api/incidents/${encodeURIComponent(id)}`, read(), { version: p.version });
      notice('Saved.', { ok: true });
      await reload();
    } catch (e) {
      staleAware(e);
    }
  });
  $('#publish').addEventListener('click', async () => {
    const to = p.status === 'published' ? 'draft' : 'published';
    const edited = read();
    const saving = JSON.stringify(edited) !== asOpened;
    try {
      const { data } = saving
        ? (edited.properties.status = to, await call('PUT', `/api/incidents/${encodeURIComponent(id)}`, edited, { version: p.version }))
        : await call('PATCH', `/api/incidents/${encodeURIComponent(id)}`, { status: to }, { version: p.version });
      // a draft of the ingest takes its proper id when published (draft-… → 2026-03-13-kurram-shelling)
      const renamed = data && data.id && data.id !== id ? data.id : null;
      notice(`${saving ? 'Saved and ' : ''}${to === 'published' ? 'published: readers see it now.' : 'unpublished: back to the drafts.'}`
        .replace(/^./, (c) => c.toUpperCase()) + (renamed ? ` Its id is now ${renamed} (it was ${id}).` : ''), { ok: true });
      if (renamed) {
        history.replaceState(null, '', `#/review/${encodeURIComponent(renamed)}`); // no hashchange: the notice stays
        await showReview(main, renamed);
        return;
      }
      await reload();
    } catch (e) {
      staleAware(e);
    }
  });
  $('#accept-amendment')?.addEventListener('click', async () => {
    if (JSON.stringify(read()) !== asOpened) {
      notice('Save your edits to this draft first: the published incident takes the draft as stored.');
      return;
    }
    try {
      const { data: target } = await call('GET', `/api/incidents/${encodeURIComponent(amends)}`);
      await call('POST', `/api/incidents/${encodeURIComponent(amends)}/merge`, { from: id, from_version: p.version },
        { version: target.properties.version });
      notice(`Added to the published incident “${target.properties.title}”: readers see it now.`, { ok: true, keep: true });
      location.hash = `#/review/${encodeURIComponent(amends)}`;
    } catch (e) {
      staleAware(e);
    }
  });
  $('#split').addEventListener('click', async () => {
    const picked = [...claims.querySelectorAll('.split-pick:checked')].map((c) => Number(c.closest('tr').dataset.n));
    if (!picked.length) {
      notice('Select the claims that belong to another event first (the boxes at the left of the claims).');
      return;
    }
    try {
      const { data } = await call('POST', `/api/incidents/${encodeURIComponent(id)}/split`, { claims: picked }, { version: p.version });
      notice(`Split: ${picked.length} claim(s) moved to the new draft “${data.created.properties.title}”, open here; “${p.title}” keeps the others.`,
        { ok: true, keep: true });
      location.hash = `#/review/${encodeURIComponent(data.created.id)}`;
    } catch (e) {
      staleAware(e);
    }
  });
  $('#delete').addEventListener('click', async () => {
    if (!window.confirm(`Delete “${p.title}”? Its history stays.`)) {
      return;
    }
    try {
      await call('DELETE', `/api/incidents/${encodeURIComponent(id)}`, undefined, { version: p.version });
      notice(`Deleted “${p.title}”.`, { ok: true, keep: true });
      location.hash = '#/queue';
    } catch (e) {
      staleAware(e);
    }
  });
}
