// The desk's one door to the server: JSON in and out, the session's CSRF token on every write,
// If-Match on every change to an incident, and problem+json turned into a sentence for the editor.

import { OFFSET_MS } from '../format.js';

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

// Incident days are local days: the dataset and the ingest start a day at 00:00 Afghan time
// (UTC+04:30, so 19:30Z the evening before). The desk shows and writes days in that zone, never
// the UTC date of an instant, which for a day-precision incident is the day before.

/** The Afghan-time calendar day (YYYY-MM-DD) of an RFC 3339 instant. */
export function localDay(iso) {
  const t = Date.parse(iso || '');
  return Number.isNaN(t) ? '' : new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

const DAY_MS = 86400000;
const msOfUtcDay = (t) => ((t % DAY_MS) + DAY_MS) % DAY_MS;

// An incident given to the API with plain dates ("2033-05-14") covers that UTC day, 00:00:00Z to
// 23:59:59.999Z, which in Afghan time runs 04:30 on the 14th to 04:29 on the 15th: read as Afghan days its
// end showed as "To 05/15/2033" for a one-day incident. A bound that falls on a UTC day's edge is such a
// date and is shown as it was given; every other bound (the desk's and the ingest's Afghan days, exact
// times) is shown as its Afghan-time day.

/** The day (YYYY-MM-DD) an interval's start stands for. */
export function startDay(iso) {
  const t = Date.parse(iso || '');
  if (Number.isNaN(t)) {
    return '';
  }
  return msOfUtcDay(t) === 0 ? new Date(t).toISOString().slice(0, 10) : localDay(iso);
}

/** The last day (YYYY-MM-DD) an interval's end (inclusive) stands for. */
export function endDay(iso) {
  const t = Date.parse(iso || '');
  if (Number.isNaN(t)) {
    return '';
  }
  return msOfUtcDay(t) >= DAY_MS - 1000 ? new Date(t).toISOString().slice(0, 10) : localDay(iso);
}

/** A day picked in the desk, as the RFC 3339 start or end of that Afghan-time day. */
export function dayBound(day, end) {
  return `${day}T${end ? '23:59:59' : '00:00:00'}+04:30`;
}
