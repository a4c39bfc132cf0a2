// The About page in the reader's language (i18n.js has set lang and dir on <html>).

import { MSG, LANG } from './messages.js';

for (const el of document.querySelectorAll('[data-about]')) {
  el.textContent = MSG.aboutPage[el.dataset.about];
}
document.title = `${MSG.aboutPage.title} · Conflict Map`;
document.getElementById('back').search = `?lang=${encodeURIComponent(LANG)}`;
document.body.dataset.ready = 'true';
