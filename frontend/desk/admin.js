// Accounts (admins add, disable, re-enable and reset editors; see and revoke their tokens) and the
// signed-in editor's own API tokens (created here, shown once).

import { call } from './api.js';
import { desk, notice, failed } from './desk.js';
import { esc } from '../format.js';
import { showWebhooks } from './webhooks.js';

function tokenTable(tokens, revokeLabel) {
  return `<table class="tokens"><thead><tr><th scope="col">Label</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col"></th></tr></thead><tbody>
    ${tokens.map((t) => `<tr><td>${esc(t.label)}</td><td>${esc(t.created_at.slice(0, 16).replace('T', ' '))}</td>
      <td>${esc((t.last_used_at || 'never').slice(0, 16).replace('T', ' '))}</td><td>${t.revoked_at ? 'revoked' : 'live'}</td>
      <td>${t.revoked_at ? '' : `<button type="button" class="revoke" data-id="${esc(t.id)}">${revokeLabel}</button>`}</td></tr>`).join('') || '<tr><td colspan="5" class="muted">No tokens.</td></tr>'}</tbody></table>`;
}

export async function showTokens(main) {
  const { data } = await call('GET', '/api/tokens');
  main.innerHTML = `<h2>My API tokens</h2>
    <p class="muted">A token lets a script write as ${esc(desk.me.name)}: <code>Authorization: Bearer &lt;token&gt;</code>. It is shown once; keep it secret.</p>
    <form id="token-form"><label for="t-label">Label</label> <input id="t-label" maxlength="100" placeholder="e.g. nightly import" required> <button class="primary">Create a token</button></form>
    <div id="token-new" aria-live="polite"></div>
    ${tokenTable(data, 'Revoke')}`;
  main.querySelector('#token-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const { data: t } = await call('POST', '/api/tokens', { label: main.querySelector('#t-label').value.trim() });
      await showTokens(main);
      main.querySelector('#token-new').innerHTML = `<p>New token “${esc(t.label)}” (shown only now):</p><p class="token" tabindex="0">${esc(t.token)}</p>`;
      main.querySelector('.token').focus();
    } catch (e) {
      failed(e);
    }
  });
  main.querySelectorAll('.revoke').forEach((b) => b.addEventListener('click', async () => {
    try {
      await call('DELETE', `/api/tokens/${encodeURIComponent(b.dataset.id)}`);
      notice('Token revoked.', { ok: true });
      await showTokens(main);
    } catch (e) {
      failed(e);
    }
  }));
}

export async function showAdmin(main) {
  const { data } = await call('GET', '/api/accounts');
  main.innerHTML = `<h2>Accounts</h2>
    <form id="account-form" class="filters">
      <label>Name <input id="n-name" required title="2-40 lower-case letters, digits, . _ -"></label>
      <label>Role <select id="n-role"><option value="editor">editor</option><option value="admin">admin</option></select></label>
      <label>First password <input id="n-password" type="password" minlength="10" autocomplete="new-password" required></label>
      <button class="primary">Add the account</button>
    </form>
    <table id="accounts"><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Since</th><th scope="col">Actions</th></tr></thead><tbody>
    ${data.map((a) => `<tr data-name="${esc(a.name)}"><td>${esc(a.name)}</td><td>${esc(a.role)}</td><td>${a.disabled ? 'disabled' : 'active'}</td>
      <td>${esc(a.created_at.slice(0, 10))}</td><td>
      ${a.name === desk.me.name ? '<span class="muted">you</span>' : `<button type="button" class="toggle">${a.disabled ? 'Enable' : 'Disable'}</button>`}
      <button type="button" class="reset">Reset password</button> <button type="button" class="tokens">Tokens</button></td></tr>`).join('')}</tbody></table>
    <section id="account-detail" aria-live="polite"></section>
    <section id="webhooks" aria-label="Webhooks"></section>`;
  showWebhooks(main.querySelector('#webhooks')).catch(failed);
  main.querySelector('#account-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (id) => main.querySelector(`#${id}`).value;
    try {
      await call('POST', '/api/accounts', { name: v('n-name').trim(), role: v('n-role'), password: v('n-password') });
      notice(`Account ${v('n-name').trim()} added.`, { ok: true });
      await showAdmin(main);
    } catch (e) {
      failed(e);
    }
  });
  const detail = main.querySelector('#account-detail');
  main.querySelector('#accounts').addEventListener('click', async (ev) => {
    const row = ev.target.closest('tr');
    const name = row?.dataset.name;
    if (!name || ev.target.tagName !== 'BUTTON') {
      return;
    }
    try {
      if (ev.target.classList.contains('toggle')) {
        const disable = ev.target.textContent === 'Disable';
        await call('PATCH', `/api/accounts/${encodeURIComponent(name)}`, { disabled: disable });
        notice(disable ? `${name} is disabled: their sessions and tokens stopped.` : `${name} is enabled.`, { ok: true });
        await showAdmin(main);
      } else if (ev.target.classList.contains('reset')) {
        detail.innerHTML = `<form id="reset-form"><h3>New password for ${esc(name)}</h3><input id="r-password" type="password" minlength="10" autocomplete="new-password" required aria-label="New password">
          <button class="primary">Set it</button> <span class="muted">Their sessions end.</span></form>`;
        detail.querySelector('input').focus();
        detail.querySelector('form').addEventListener('submit', async (e2) => {
          e2.preventDefault();
          try {
            await call('PATCH', `/api/accounts/${encodeURIComponent(name)}`, { password: detail.querySelector('input').value });
            notice(`New password set for ${name}.`, { ok: true });
            detail.innerHTML = '';
          } catch (e) {
            failed(e);
          }
        });
      } else if (ev.target.classList.contains('tokens')) {
        const { data: tokens } = await call('GET', `/api/accounts/${encodeURIComponent(name)}/tokens`);
        detail.innerHTML = `<h3>Tokens of ${esc(name)}</h3>${tokenTable(tokens, 'Revoke')}`;
        detail.querySelectorAll('.revoke').forEach((b) => b.addEventListener('click', async () => {
          try {
            await call('DELETE', `/api/accounts/${encodeURIComponent(name)}/tokens/${encodeURIComponent(b.dataset.id)}`);
            notice('Token revoked.', { ok: true });
            ev.target.click();
          } catch (e) {
            failed(e);
          }
        }));
      }
    } catch (e) {
      failed(e);
    }
  });
}
