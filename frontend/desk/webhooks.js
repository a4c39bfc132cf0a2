// Webhooks (admins): where published changes are sent, signed with a secret. Shown under Accounts.

import { call } from './api.js';
import { notice, failed } from './desk.js';
import { esc } from '../format.js';

const when = (t) => (t ? esc(t.slice(0, 16).replace('T', ' ')) : 'never');

/** Draws the webhooks section into {@code box} (an element of the admin page). */
export async function showWebhooks(box) {
  const { data } = await call('GET', '/api/webhooks');
  box.innerHTML = `<h2>Webhooks</h2>
    <p class="muted">Each publish, update, unpublish and delete of a published incident is POSTed as JSON to every webhook, signed:
      <code>X-Conflictmap-Signature: sha256=HMAC(secret, timestamp + "." + body)</code>. Drafts are never sent.</p>
    <form id="hook-form" class="filters">
      <label>Endpoint URL <input id="h-url" type="url" required placeholder="https://example.org/hooks/conflictmap" size="40"></label>
      <label>Secret <input id="h-secret" type="password" minlength="16" maxlength="200" autocomplete="off" required></label>
      <button class="primary">Add the webhook</button>
    </form>
    <table id="hooks"><thead><tr><th scope="col">Endpoint</th><th scope="col">Added</th><th scope="col">Pending</th><th scope="col">Delivered</th><th scope="col">Failed</th><th scope="col">Last delivery</th><th scope="col"></th></tr></thead><tbody>
    ${data.map((h) => `<tr data-id="${h.id}"><td>${esc(h.url)}</td><td>${when(h.created_at)} <span class="muted">${esc(h.created_by)}</span></td>
      <td>${h.pending}</td><td>${h.delivered}</td><td>${h.failed}</td><td>${when(h.last_delivered_at)}</td>
      <td><button type="button" class="remove-hook">Remove</button></td></tr>`).join('') || '<tr><td colspan="7" class="muted">No webhooks.</td></tr>'}</tbody></table>`;
  box.querySelector('#hook-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await call('POST', '/api/webhooks', { url: box.querySelector('#h-url').value.trim(), secret: box.querySelector('#h-secret').value });
      notice('Webhook added.', { ok: true });
      await showWebhooks(box);
    } catch (e) {
      failed(e);
    }
  });
  box.querySelectorAll('.remove-hook').forEach((b) => b.addEventListener('click', async () => {
    try {
      await call('DELETE', `/api/webhooks/${encodeURIComponent(b.closest('tr').dataset.id)}`);
      notice('Webhook removed; its pending deliveries are cancelled.', { ok: true });
      await showWebhooks(box);
    } catch (e) {
      failed(e);
    }
  }));
}
