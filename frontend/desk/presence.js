// The soft lock: while a review is open the desk tells the server every 20 s (PUT /api/presence/ID) and
// hears who else has it open; leaving the review, or the page, says so (DELETE). It only warns.

import { call } from './api.js';

export const BEAT_MS = 20_000;
let current = null;

/** "alice is editing this since 14:02", "alice and bob are editing this since 14:02 and 14:05", or ''. */
export function presenceWords(others) {
  if (!others.length) {
    return '';
  }
  const names = others.map((o) => o.editor);
  const times = others.map((o) => clock(o.since));
  const list = (xs) => (xs.length < 2 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  return `${list(names)} ${names.length > 1 ? 'are' : 'is'} editing this since ${list(times)}. Your changes are still checked: if they save first, yours is refused, never lost.`;
}

/** An instant as the editor's own clock shows it (HH:MM). */
export function clock(iso) {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** Starts the heartbeat of the review of {@code id}; {@code heard(others)} gets the other editors after each beat. */
export function watchPresence(id, heard) {
  stopPresence();
  const me = { id, timer: null };
  const beat = async () => {
    try {
      const { data } = await call('PUT', `/api/presence/${encodeURIComponent(id)}`);
      if (current === me) {
        heard(data.others || []);
      }
    } catch {
      // a missed beat only makes this editor invisible to the others for a while
    }
  };
  me.timer = setInterval(beat, BEAT_MS);
  current = me;
  beat();
}

/** Ends the heartbeat, telling the server the review was left. */
export function stopPresence({ leaving = false } = {}) {
  if (!current) {
    return;
  }
  clearInterval(current.timer);
  const url = `/api/presence/${encodeURIComponent(current.id)}`;
  current = null;
  call('DELETE', url, undefined, { keepalive: leaving }).catch(() => {});
}

window.addEventListener('pagehide', () => stopPresence({ leaving: true }));
