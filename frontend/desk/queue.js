// The queue (drafts, newest first, with counts and filters) and pasting an article.

import { call, startDay, endDay } from './api.js';
import { desk, notice, failed } from './desk.js';
import { TYPE_NAMES, esc, zoneOf } from '../format.js';
import { loadPlaces } from '../places.js';
import { clock } from './presence.js';

let filters = { type: '', outlet: '', from: '', to: '', editor: '' };

function matches(f) {
  const p = f.properties;
  const day = startDay(p.occurred.start, zoneOf(p));
  return (!filters.type || p.type === filters.type)
    && (!filters.outlet || (p.sources || []).some((s) => (s.outlet || '').toLowerCase().includes(filters.outlet.toLowerCase())))
    && (!filters.from || day >= filters.from) && (!filters.to || day <= filters.to)
    && (!filters.editor || p.created_by === filters.editor || p.updated_by === filters.editor);
}

/** An incident's days in its own zone (Pakistan time for places in Pakistan, else Afghan time): "from – to". */
function occurredDays(p) {
  const zone = zoneOf(p);
  const [from, to] = [startDay(p.occurred.start, zone), endDay(p.occurred.end, zone)];
  return esc(from) + (to !== from ? ` – ${esc(to)}` : '');
}

export async function showQueue(main) {
  const [{ data }, open] = await Promise.all([call('GET', '/api/drafts?limit=10000'),
    call('GET', '/api/presence').then((r) => r.data.presence).catch(() => []), loadPlaces()]);
  const drafts = data.features.sort((a, b) => (b.properties.created || '').localeCompare(a.properties.created || ''));
  const editors = [...new Set(drafts.flatMap((f) => [f.properties.created_by, f.properties.updated_by]).filter(Boolean))].sort();
  const openBy = (id) => open.filter((o) => o.id === id && o.editor !== desk.me?.name);
  main.innerHTML = `<h2>Drafts <span class="muted" id="queue-count"></span></h2>
    <div class="filters" role="search">
      <label>Type <select id="f-type"><option value="">any</option>${Object.entries(TYPE_NAMES).map(([k, v]) => `<option value="${k}">${esc(v)}</option>`).join('')}</select></label>
      <label>Outlet <input id="f-outlet" type="search" placeholder="e.g. Dawn"></label>
      <label>From <input id="f-from" type="date"></label>
      <label>To <input id="f-to" type="date"></label>
      <label>Editor <select id="f-editor"><option value="">any</option>${editors.map((e) => `<option value="${esc(e)}">${esc(e)}</option>`).join('')}</select></label>
      <button id="merge-selected" type="button" disabled>Merge the two selected</button>
    </div>
    <table id="queue"><thead><tr><th scope="col"><span class="visually-hidden">Select</span></th><th scope="col">Draft</th><th scope="col">Type</th><th scope="col">Occurred</th>
      <th scope="col">Claims</th><th scope="col">Places</th><th scope="col">Articles</th><th scope="col">Outlets</th><th scope="col">Created</th><th scope="col">Last editor</th><th scope="col">Open now</th></tr></thead><tbody></tbody></table>`;
  const body = main.querySelector('tbody');
  const draw = () => {
    const shown = drafts.filter(matches);
    main.querySelector('#queue-count').textContent = `${shown.length} of ${drafts.length}`;
    body.innerHTML = shown.map((f) => {
      const p = f.properties;
      return `<tr class="row" data-id="${esc(f.id)}"><td><input type="checkbox" class="pick" value="${esc(f.id)}" aria-label="Select ${esc(p.title)}"></td>
        <td><a href="#/review/${encodeURIComponent(f.id)}">${esc(p.title)}</a></td><td>${esc(TYPE_NAMES[p.type] || p.type)}</td>
        <td>${occurredDays(p)}</td>
        <td>${p.claims.length}</td><td>${p.places.length}</td><td>${(p.articles || []).length}</td>
        <td>${esc([...new Set((p.sources || []).map((s) => s.outlet))].join(', '))}</td><td class="muted">${esc((p.created || '').slice(0, 16).replace('T', ' '))}</td>
        <td>${esc(p.updated_by || '')}${p.created_by && p.created_by !== p.updated_by ? ` <span class="muted">(made by ${esc(p.created_by)})</span>` : ''}</td>
        <td class="open-by">${openBy(f.id).map((o) => `${esc(o.editor)} since ${esc(clock(o.since))}`).join(', ')}</td></tr>`;
    }).join('') || '<tr><td colspan="11" class="muted">No drafts. Paste an article to make some.</td></tr>';
    pickChanged();
  };
  // the draft made first keeps its id, edits and history, and the later one is merged into it, whichever
  // row is higher (it used to be the row order: the queue is newest first, so a draft split off a minute ago
  // swallowed the draft it came from); the button names both before the click
  const pickChanged = () => {
    const picked = [...body.querySelectorAll('.pick:checked')].map((c) => drafts.find((f) => f.id === c.value))
      .sort((a, b) => (a.properties.created || '').localeCompare(b.properties.created || '') || a.id.localeCompare(b.id));
    const button = main.querySelector('#merge-selected');
    button.disabled = picked.length !== 2;
    button.textContent = picked.length === 2
      ? `Merge “${picked[1].properties.title}” into “${picked[0].properties.title}”` : 'Merge the two selected';
    return picked;
  };
  body.addEventListener('change', pickChanged);
  for (const [id, key] of [['f-type', 'type'], ['f-outlet', 'outlet'], ['f-from', 'from'], ['f-to', 'to'], ['f-editor', 'editor']]) {
    const input = main.querySelector(`#${id}`);
    input.value = filters[key];
    input.addEventListener('input', () => { filters[key] = input.value; draw(); });
  }
  main.querySelector('#merge-selected').addEventListener('click', async () => {
    const [into, from] = pickChanged();
    try {
      await call('POST', `/api/incidents/${encodeURIComponent(into.id)}/merge`, { from: from.id, from_version: from.properties.version },
        { version: into.properties.version });
      notice(`Merged “${from.properties.title}” into “${into.properties.title}” (the older draft keeps its id).`, { ok: true, keep: true });
      location.hash = `#/review/${encodeURIComponent(into.id)}`;
    } catch (e) {
      failed(e);
    }
  });
  draw();
}

/** What the ingest did to one draft, in an editor's words, from the answer's events[].action. */
function actionsOf(events, id) {
  const said = [...new Set((events || []).filter((e) => e.draft === id).map((e) => e.action))];
  return said.map((a) => {
    const amends = /^amends (.+)$/.exec(a);
    const words = amends
      ? `Another report of the published incident <a href="#/review/${encodeURIComponent(amends[1])}">${esc(amends[1])}</a>: a new draft to add to it from its review`
      : a === 'created' ? 'New draft'
        : a === 'added' ? 'Added to an existing draft (another report of the same event)' : esc(a);
    return `<strong class="action">${words}.</strong> `;
  }).join('');
}

export function showPaste(main) {
  main.innerHTML = `<h2>Paste an article</h2>
    <form id="paste-form" class="form" style="max-width: 60rem">
      <div class="grid">
        <div class="wide"><label for="a-outlet">Outlet</label><input id="a-outlet" required maxlength="200" data-focus></div>
        <div><label for="a-date">Published</label><input id="a-date" type="date"></div>
        <div><label for="a-title">Headline</label><input id="a-title" maxlength="280"></div>
        <div class="full"><label for="a-url">URL</label><input id="a-url" type="url" placeholder="https://…"></div>
        <div class="full"><label for="a-text">Text</label><textarea id="a-text" rows="14" required></textarea></div>
      </div>
      <p><button class="primary" type="submit">Make drafts</button></p>
    </form>
    <section id="paste-result" aria-live="polite"></section>`;
  main.querySelector('#paste-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (id) => main.querySelector(`#${id}`).value.trim();
    const body = { text: v('a-text'), outlet: v('a-outlet') };
    if (v('a-url')) { body.url = v('a-url'); }
    if (v('a-date')) { body.published = v('a-date'); }
    if (v('a-title')) { body.title = v('a-title'); }
    // while the ingest reads, the button is off and the last article's drafts are gone: they were shown under
    // the next article's text until its answer came, and a second click pasted it twice
    const button = main.querySelector('#paste-form button.primary');
    const out = main.querySelector('#paste-result');
    button.disabled = true;
    out.innerHTML = '<p class="muted" id="paste-busy">Reading the article…</p>';
    try {
      const { data } = await call('POST', '/api/articles', body);
      out.innerHTML = `<h3>${data.created ? 'Drafts from this article' : data.matched === 'url'
        ? 'This URL was pasted before with a different text: the new text was not read; the earlier drafts'
        : 'This article was pasted before; its drafts'}</h3>
        ${data.note ? `<p class="muted">${esc(data.note)}</p>` : ''}
        <ul>${data.incidents.map((f) => `<li><a href="#/review/${encodeURIComponent(f.id)}">${esc(f.properties.title)}</a>
          ${actionsOf(data.events, f.id)}<span class="muted">${esc(startDay(f.properties.occurred.start, zoneOf(f.properties)))} · ${f.properties.claims.length} claims · ${f.properties.places.map((p) => esc(p.name)).join(', ')}</span></li>`).join('') || '<li>No draft: no place or event was found.</li>'}</ul>`;
      out.querySelector('a')?.focus();
    } catch (e) {
      out.innerHTML = '';
      failed(e);
    } finally {
      button.disabled = false;
    }
  });
  return desk;
}
