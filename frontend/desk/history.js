// An incident's history: every version with who made it, two versions side by side with the
// changed fields marked, and restoring an old version (a new write, with If-Match).

import { call } from './api.js';
import { notice, failed } from './desk.js';
import { esc } from '../format.js';

const SKIP = new Set(['version', 'created', 'updated', 'claims_summary', 'provenance']);

/** A feature as flat "path → value" pairs: claims[1].party, occurred.start, geometry… */
export function flatten(feature) {
  const out = new Map();
  const walk = (v, path) => {
    if (v && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => typeof x !== 'object'))) {
      for (const [k, x] of Object.entries(v)) {
        walk(x, Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
      }
    } else {
      out.set(path, Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v));
    }
  };
  for (const [k, v] of Object.entries(feature.properties || {})) {
    if (!SKIP.has(k)) {
      walk(v, k);
    }
  }
  const g = feature.geometry;
  out.set('geometry', g ? `${g.type} ${JSON.stringify(g.coordinates).slice(0, 80)}${JSON.stringify(g.coordinates).length > 80 ? '…' : ''}` : '');
  return out;
}

/** What a version's write was, when "update" says too little: a claim moved (V46's change note), as HTML. */
export function changeText(e) {
  const c = e.change;
  if (!c || c.kind !== 'claim_moved') {
    return esc(e.operation);
  }
  const other = (x) => `<a href="#/review/${encodeURIComponent(x)}">${esc(x)}</a>`;
  const who = c.claimant ? ` (${esc(c.claimant)})` : '';
  return c.to !== undefined
    ? `claim ${c.claim + 1}${who} moved to ${other(c.to)}`
    : `claim${who} moved here from ${c.from ? other(c.from) : 'another incident'}${c.from_claim !== undefined ? ` (its claim ${c.from_claim + 1})` : ''}, now claim ${c.claim + 1}`;
}

export async function showHistory(main, id) {
  const { data } = await call('GET', `/api/incidents/${encodeURIComponent(id)}/history`);
  const h = data.history;
  const last = h[h.length - 1];
  let left = Math.max(0, h.length - 2);
  let right = h.length - 1;
  main.innerHTML = `<h2>History of ${esc(last.feature.properties.title)} <a class="muted" href="#/review/${encodeURIComponent(id)}">back to review</a></h2>
    <table id="versions"><thead><tr><th scope="col">Left</th><th scope="col">Right</th><th scope="col">Version</th><th scope="col">Change</th><th scope="col">Editor</th><th scope="col">When</th><th scope="col">Status</th><th scope="col"></th></tr></thead>
    <tbody>${h.map((e, n) => `<tr><td><input type="radio" name="left" value="${n}" aria-label="Version ${e.version} on the left"${n === left ? ' checked' : ''}></td>
      <td><input type="radio" name="right" value="${n}" aria-label="Version ${e.version} on the right"${n === right ? ' checked' : ''}></td>
      <td>${e.version}</td><td class="change">${changeText(e)}</td><td>${esc(e.editor || '')}</td><td>${esc(e.recorded_at.slice(0, 19).replace('T', ' '))}</td>
      <td>${esc(e.feature.properties.status)}</td>
      <td>${n < h.length - 1 && e.operation !== 'delete' ? `<button type="button" class="restore" data-n="${n}">Restore version ${e.version}</button>` : ''}</td></tr>`).join('')}</tbody></table>
    <h3 id="diff-title"></h3>
    <p id="diff-change" class="moved" hidden></p>
    <table class="diff" id="diff"><thead><tr><th scope="col">Field</th><th scope="col" id="diff-left"></th><th scope="col" id="diff-right"></th></tr></thead><tbody></tbody></table>`;
  const draw = () => {
    const a = flatten(h[left].feature);
    const b = flatten(h[right].feature);
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    const changed = keys.filter((k) => (a.get(k) ?? '') !== (b.get(k) ?? ''));
    main.querySelector('#diff-title').textContent = `Version ${h[left].version} → ${h[right].version}: ${changed.length} field${changed.length === 1 ? '' : 's'} changed`;
    const moves = h.slice(Math.min(left, right) + 1, Math.max(left, right) + 1).filter((e) => e.change && e.change.kind === 'claim_moved');
    const note = main.querySelector('#diff-change');
    note.hidden = moves.length === 0;
    note.innerHTML = moves.map((e) => `Version ${e.version}: ${changeText(e)}.`).join(' ');
    main.querySelector('#diff-left').textContent = `Version ${h[left].version} (${h[left].editor || ''})`;
    main.querySelector('#diff-right').textContent = `Version ${h[right].version} (${h[right].editor || ''})`;
    main.querySelector('#diff tbody').innerHTML = keys.map((k) => {
      const c = (a.get(k) ?? '') !== (b.get(k) ?? '');
      return `<tr class="${c ? 'changed' : 'same'}"><td class="key">${esc(k)}</td><td class="old">${esc(a.get(k) ?? '')}</td><td class="new">${esc(b.get(k) ?? '')}</td></tr>`;
    }).join('');
  };
  main.querySelector('#versions').addEventListener('change', (ev) => {
    if (ev.target.name === 'left') { left = Number(ev.target.value); }
    if (ev.target.name === 'right') { right = Number(ev.target.value); }
    draw();
  });
  main.querySelector('#versions').addEventListener('click', async (ev) => {
    if (!ev.target.classList.contains('restore')) {
      return;
    }
    const old = h[Number(ev.target.dataset.n)].feature;
    try {
      if (last.operation === 'delete') {
        await call('POST', '/api/incidents', old);
      } else {
        await call('PUT', `/api/incidents/${encodeURIComponent(id)}`, old, { version: last.version });
      }
      notice(`Version ${old.properties.version} restored as a new version.`, { ok: true });
      await showHistory(main, id);
    } catch (e) {
      failed(e);
    }
  });
  draw();
}
