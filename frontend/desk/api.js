// The desk's one door to the server: JSON in and out, the session's CSRF token on every write,
// If-Match on every change to an incident, and problem+json turned into a sentence for the editor.

let csrf = null;

export function setCsrf(token) {
  csrf = token;
}

export class Problem extends Error {
  constructor(status, body) {
    super(body && (body.detail || body.title) ? `${body.detail || body.title}` : `the server answered ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export async function call(method, url, body, { version, headers = {}, keepalive = false } = {}) {
  const h = { Accept: 'application/json, application/geo+json', ...headers };
  if (body !== undefined) {
    h['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrf) {
    h['X-CSRF-Token'] = csrf;
  }
  if (version !== undefined && version !== null) {
    h['If-Match'] = `"${version}"`;
  }
  const r = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', keepalive });
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!r.ok) {
    throw new Problem(r.status, data);
  }
  return { data, etag: r.headers.get('ETag'), status: r.status };
}

/** What a refused write tells the editor, in words. */
export function explain(e) {
  if (!(e instanceof Problem)) {
    return `The server could not be reached: ${e.message}`;
  }
  if (e.status === 412) {
    const detail = (e.body.detail || '').replace(/[.;\s]*$/, '');
    return `Another editor changed this incident after you opened it, so your change was not saved (nothing was overwritten)${detail ? `: ${detail}` : ''}.`;
  }
  if (e.status === 401) {
    return 'Your session has ended. Sign in again.';
  }
  const fields = (e.body.errors || []).map((f) => `${f.field}: ${f.message}`).join('; ');
  return `${e.message}${fields && !e.message.includes(fields) ? ` (${fields})` : ''}`;
}

// The days an interval stands for, in the incident's own zone (a plain date given to the API is that date,
// not its Afghan-time day), and a day picked in the desk as the start or end of that day in the zone:
// one reading for the desk and the map, in ../days.js.
export { startDay, endDay, dayBound } from '../days.js';
