// The embed: the page inside a newsroom's iframe (no header, a credit line with the filters, the
// wheel left to the story until the reader clicks the map or holds Ctrl) and the dialog on the full
// map that writes the iframe (size, pinned data or live, the filters in words).

import { esc } from './format.js';
import { MSG } from './messages.js';
import { dayText, timeText } from './i18n.js';

const $ = (id) => document.getElementById(id);
const SIZES = { small: [300, 250], medium: [800, 560], large: [1400, 900], full: ['100%', 560] };

/** When the data is pinned, in words ("6 Dec 2026 15:23 UTC"). */
export function pinWords(iso) {
  const d = new Date(iso);
  return `${dayText(d)} ${timeText(d, 'UTC')} UTC`;
}

/** Sets up /embed: the credit line with the title, the filters and the pin; the wheel guard. */
export function embedPage(map, state, note) {
  document.body.classList.add('embed');
  const credit = document.createElement('h1'); // the embed's heading: the title, the filters, the pin
  credit.className = 'embed-credit';
  const link = document.createElement('a');
  link.href = `/?${new URLSearchParams(location.search)}`;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = state.title || MSG.pageTitle;
  const more = document.createElement('span');
  more.id = 'embed-note';
  credit.append(link, more);
  // in the map's box, between its zoom and layers buttons: in #layout it spanned the list too from 1100 px
  // and lay over the zoom buttons
  $('map').appendChild(credit);
  for (const type of ['pointerdown', 'mousedown', 'touchstart', 'click', 'dblclick']) {
    credit.addEventListener(type, (e) => e.stopPropagation()); // a click on the title is no drag or zoom of the map
  }
  credit.update = () => {
    more.textContent = ` · ${[note(), state.asof ? MSG.pinnedAsOf(pinWords(state.asof)) : ''].filter(Boolean).join(' · ')}`;
  };
  credit.update();

  // a story scrolls past the map: the wheel zooms only after a click on the map, or with Ctrl
  let engaged = false;
  const hint = document.createElement('div');
  hint.className = 'wheel-hint';
  hint.textContent = MSG.wheelHint;
  hint.hidden = true;
  $('map').appendChild(hint);
  let hintTimer = null;
  const container = map.getContainer();
  container.addEventListener('wheel', (e) => {
    if (engaged || e.ctrlKey || e.metaKey) {
      return;
    }
    e.stopPropagation(); // Leaflet never sees it; the page scrolls on
    hint.hidden = false;
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => { hint.hidden = true; }, 1500);
  }, { capture: true });
  const engage = () => {
    engaged = true;
    hint.hidden = true;
  };
  container.addEventListener('pointerdown', engage);
  container.addEventListener('focus', engage);
  document.addEventListener('pointerdown', (e) => {
    if (!container.contains(e.target)) {
      engaged = false;
    }
  });
  return credit;
}

/** The Embed dialog of the full map. params(): the current state; dataTime(): the data's moment. */
export function embedDialog(params, dataTime, note) {
  const size = $('embed-size');
  size.innerHTML = Object.entries(MSG.embedSizes).map(([k, v]) => `<option value="${k}"${k === 'medium' ? ' selected' : ''}>${esc(v)}</option>`).join('');
  const write = () => {
    const q = params();
    const pinned = $('embed-pinned').checked;
    const when = dataTime();
    if (pinned && when) {
      q.set('asof', when);
    } else {
      q.delete('asof');
    }
    q.delete('i');
    const url = `${location.origin}/embed?${q}`;
    const [w, h] = SIZES[size.value];
    $('embed-code').value = `<iframe src="${esc(url)}" width="${w}" height="${h}" style="border:0;max-width:100%" `
      + `title="${esc(MSG.embedIframeTitle)}" loading="lazy" allowfullscreen></iframe>`;
    $('embed-preview').href = url;
    $('embed-pin-note').textContent = pinned && when ? MSG.embedPinnedNote(pinWords(when)) : MSG.embedLiveNote;
    $('embed-filter-note').textContent = MSG.embedFilters(note() || MSG.embedNoFilters);
  };
  size.addEventListener('change', write);
  $('embed-pinned').addEventListener('change', write);
  $('embed-button').addEventListener('click', () => {
    write();
    $('embed-copy').textContent = MSG.embedCopy;
    $('embed-dialog').showModal();
    $('embed-code').select();
  });
  $('embed-copy').addEventListener('click', async () => {
    $('embed-code').select();
    try {
      await navigator.clipboard.writeText($('embed-code').value);
    } catch (e) {
      document.execCommand('copy');
    }
    $('embed-copy').textContent = MSG.embedCopied;
  });
}
