// Live publishing on the viewer's map: the server's event stream (/api/incidents/changes) announces
// each publish, update and delete; the map applies them at once and says "2 new incidents".
// EventSource reconnects by itself and resumes after the last event it saw (Last-Event-ID).

import { MSG } from './messages.js';

/**
 * Follows the stream. `upsert(feature)` adds or replaces an incident, `remove(id)` takes one away,
 * `where` is the element the notice is shown in. Returns the EventSource (close() stops it).
 */
export function followChanges({ upsert, remove, where }) {
  const note = document.createElement('button');
  note.type = 'button';
  note.id = 'live-note';
  note.className = 'live-note';
  note.hidden = true;
  note.setAttribute('aria-live', 'polite');
  note.addEventListener('click', () => { fresh = []; note.hidden = true; });
  where.appendChild(note);
  let fresh = [];
  const source = new EventSource('/api/incidents/changes');
  source.onmessage = (ev) => {
    let change;
    try {
      change = JSON.parse(ev.data);
    } catch {
      return;
    }
    if (change.kind === 'delete') {
      remove(change.id);
      fresh = fresh.filter((id) => id !== change.id);
    } else if (change.feature) {
      upsert(change.feature);
      if (change.kind === 'publish' && !fresh.includes(change.id)) {
        fresh.push(change.id);
      }
    }
    note.hidden = fresh.length === 0;
    note.textContent = MSG.liveNew(fresh.length);
    note.dataset.ids = fresh.join(' ');
  };
  return source;
}
