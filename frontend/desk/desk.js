// The editors' desk: sign-in, the queue of drafts, review beside the article, history, accounts.
// Plain ES modules; hash routes (#/queue, #/review/ID, #/history/ID, #/paste, #/tokens, #/admin).

import { call, setCsrf, explain } from './api.js';
import { showQueue, showPaste } from './queue.js';
import { showReview } from './review.js';
import { showHistory } from './history.js';
import { showAdmin, showTokens } from './admin.js';
import { stopPresence } from './presence.js';

const $ = (id) => document.getElementById(id);
export const desk = { me: null };
let routes = 0;
let keptFor = null;

/** Tells the editor something: an error stays until dismissed or replaced, a success fades. */
export function notice(text, { ok = false, action = null, keep = false } = {}) {
  const n = $('notice');
  // a notice that leads to another view (a split, a merge, a delete) outlives the hashchange it causes
  keptFor = keep ? location.hash : null;
  n.hidden = !text;
  n.className = ok ? 'ok' : '';
  n.textContent = text || '';
  if (action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = action.label;
    b.addEventListener('click', action.run);
    n.appendChild(b);
  }
  if (ok && text) {
    setTimeout(() => { if (n.textContent.startsWith(text)) { n.hidden = true; fitNotice(); } }, 4000);
  }
  fitNotice();
}

// the review's height leaves room for the notice (its box and its margins), so that nothing is pushed off the screen
function fitNotice() {
  const n = $('notice');
  const h = n.hidden ? 0 : n.getBoundingClientRect().height + parseFloat(getComputedStyle(n).marginTop) + parseFloat(getComputedStyle(n).marginBottom);
  document.documentElement.style.setProperty('--notice-h', `${Math.ceil(h)}px`);
}

export function failed(e) {
  notice(explain(e));
  if (e.status === 401) {
    desk.me = null;
    route();
  }
}

function signIn() {
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  const main = $('main');
  main.innerHTML = `<form class="signin" id="signin-form">
      <h2>Sign in</h2>
      <label for="signin-name">Name</label><input id="signin-name" autocomplete="username" required>
      <label for="signin-password">Password</label><input id="signin-password" type="password" autocomplete="current-password" required>
      <p><button class="primary" type="submit">Sign in</button></p>
    </form>`;
  $('signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const { data } = await call('POST', '/api/session', { name: $('signin-name').value, password: $('signin-password').value });
      signedIn(data);
      notice('');
      if (!location.hash || location.hash === '#/signin') {
        location.hash = '#/queue'; // the hashchange routes
      } else {
        route();
      }
    } catch (e) {
      notice(e.status === 401 ? 'Wrong name or password.' : explain(e));
      $('signin-password').value = '';
      $('signin-password').focus();
    }
  });
  $('signin-name').focus();
}

function signedIn(me) {
  desk.me = me;
  setCsrf(me.csrf);
  $('nav').hidden = false;
  $('nav-admin').hidden = me.role !== 'admin';
  $('sign-out').hidden = false;
  $('who').textContent = `${me.name} (${me.role})`;
}

$('sign-out').addEventListener('click', async () => {
  stopPresence();
  try {
    await call('DELETE', '/api/session');
  } catch (e) {
    // the session may have ended already
  }
  desk.me = null;
  setCsrf(null);
  notice('Signed out.', { ok: true });
  location.hash = '#/signin';
  route();
});

export async function route() {
  if (!desk.me) {
    signIn();
    document.body.dataset.ready = 'true';
    return;
  }
  const [, view, id] = (location.hash || '#/queue').split('/');
  for (const a of document.querySelectorAll('#nav a')) {
    a.toggleAttribute('aria-current', a.getAttribute('href') === `#/${view}`);
    if (a.hasAttribute('aria-current')) {
      a.setAttribute('aria-current', 'page');
    }
  }
  // each view renders into a fresh element that replaces the page only if no later route began
  // meanwhile: a slow answer for a view the editor already left never overwrites the current one
  if (view !== 'review') {
    stopPresence(); // a review left for another view is no longer open
  }
  const mine = ++routes;
  const target = document.createElement('div');
  document.body.dataset.view = view || 'queue';
  try {
    if (view === 'review' && id) {
      await showReview(target, decodeURIComponent(id));
    } else if (view === 'history' && id) {
      await showHistory(target, decodeURIComponent(id));
    } else if (view === 'paste') {
      showPaste(target);
    } else if (view === 'tokens') {
      await showTokens(target);
    } else if (view === 'admin' && desk.me.role === 'admin') {
      await showAdmin(target);
    } else {
      await showQueue(target);
    }
  } catch (e) {
    failed(e);
  }
  if (mine === routes) {
    $('main').replaceChildren(target);
    target.querySelector('[data-focus]')?.focus();
  }
  document.body.dataset.ready = 'true';
}

window.addEventListener('hashchange', () => {
  if (keptFor === null || keptFor === location.hash) {
    notice('');
  }
  keptFor = null;
  route();
});

async function start() {
  try {
    const { data } = await call('GET', '/api/session');
    if (data.signed_in && data.via === 'session') {
      signedIn(data);
    }
  } catch (e) {
    notice(explain(e));
  }
  route();
}
start();
