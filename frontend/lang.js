// The reader's language, chosen before anything else loads: a module with no imports, so that its
// strings (i18n/<lang>.json) are asked for as soon as the page is parsed (the map's load.js and
// i18n.js import it), not after the whole module graph; i18n.js re-exports what is here.

export const LANGUAGES = {
  // numbers: the locale Intl formats numbers in (Chromium has no Pashto data: Afghan Dari's ۱٬۲۳۴ is
  // Afghanistan's usage for both); digits: Latin, or Extended Arabic-Indic (۰۱۲…, Persian digits)
  en: { name: 'English', dir: 'ltr', numbers: 'en-GB', digits: 'latn', solarHijri: false },
  ps: { name: 'پښتو', dir: 'rtl', numbers: 'fa-AF', digits: 'arabext', solarHijri: true },
  'fa-AF': { name: 'دری', dir: 'rtl', numbers: 'fa-AF', digits: 'arabext', solarHijri: true },
  ur: { name: 'اردو', dir: 'rtl', numbers: 'ur-PK', digits: 'arabext', solarHijri: false },
};

/** The supported language a tag means: fa, fa-AF and prs are Dari; ps-AF is Pashto; ur-PK is Urdu. */
export function supported(tag) {
  const t = String(tag || '').toLowerCase();
  if (t === 'fa' || t.startsWith('fa-') || t === 'prs' || t.startsWith('prs-')) {
    return 'fa-AF';
  }
  const base = t.split('-')[0];
  return ['en', 'ps', 'ur'].includes(base) ? base : null;
}

function stored() {
  try {
    return localStorage.getItem('lang');
  } catch {
    return null; // storage refused (a sandboxed embed)
  }
}

export function pickLanguage(query, saved, preferred) {
  return supported(query) || supported(saved) || (preferred || []).map(supported).find(Boolean) || 'en';
}

// the newsroom's desk stays English
export const LANG = location.pathname.startsWith('/desk') ? 'en'
  : pickLanguage(new URLSearchParams(location.search).get('lang'), stored(), navigator.languages);
export const DIR = LANGUAGES[LANG].dir;
document.documentElement.lang = LANG;
document.documentElement.dir = DIR;

/** The language file's strings: a request under way (i18n.js waits for it before the page's modules run). */
export const STRINGS = fetch(`/i18n/${LANG}.json`).then((r) => {
  if (!r.ok) {
    throw new Error(`${r.status}`);
  }
  return r.json();
});
