// app — the console's shell: restores the session, draws the header (navigation by
// role, language switch, logout), shows the connection banner, and routes
// location.hash to one page module at a time (#/counter/3, #/applications, ...).

import { t, getLang, setLang, applyLang, setTimeZone } from './i18n.js';
import { session, restore, logout, openEvents, onConnection, get } from './api.js';
import { h, clearStatus } from './ui.js';
import * as loginPage from './pages/login.js';
import * as countersPage from './pages/counters.js';
import * as counterPage from './pages/counter.js';
import * as applicationsPage from './pages/applications.js';
import * as reportsPage from './pages/reports.js';
import * as adminPage from './pages/admin.js';

// Which pages each role has, in navigation order (the server enforces the same).
const ROLE_PAGES = {
  admin: ['counters', 'reports', 'admin'],
  manager: ['applications', 'reports'],
  reception: ['counters', 'applications'],
  researcher: ['counters', 'applications'],
};

const PAGES = {
  login: loginPage, counters: countersPage, counter: counterPage,
  applications: applicationsPage, reports: reportsPage, admin: adminPage,
};

let cleanup = null;

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { page: parts[0] || '', arg: parts[1] };
}

function allowed(page) {
  if (page === 'login') return true;
  if (!session.user) return false;
  const pages = ROLE_PAGES[session.user.role] || [];
  return pages.includes(page === 'counter' ? 'counters' : page);
}

function drawHeader(current) {
  applyLang();
  document.getElementById('brand').textContent = t('app_name');
  document.getElementById('skip').textContent = t('skip_main');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav'));
  nav.replaceChildren();
  if (session.user) {
    const ul = h('ul');
    for (const p of ROLE_PAGES[session.user.role] || []) {
      const here = p === current || (p === 'counters' && current === 'counter');
      ul.append(h('li', null, h('a', { href: '#/' + p, 'aria-current': here ? 'page' : null }, t('nav_' + p))));
    }
    nav.append(ul);
  }
  const who = document.getElementById('who');
  who.textContent = session.user ? session.user.display_name + ' · ' + t('role_' + session.user.role) : '';
  const lang = document.getElementById('lang');
  lang.textContent = t('lang_switch');
  lang.setAttribute('lang', getLang() === 'ar' ? 'en' : 'ar');
  lang.setAttribute('title', t('lang_switch_label'));
  const out = document.getElementById('logout');
  out.textContent = t('logout');
  out.hidden = !session.user;
  document.getElementById('offline').textContent = t('offline');
}

async function route() {
  if (cleanup) { cleanup(); cleanup = null; }
  clearStatus();
  let { page, arg } = parseHash();
  if (!session.user && page !== 'login') { location.hash = '#/login'; return; }
  if (session.user && (page === '' || page === 'login')) {
    location.hash = '#/' + (ROLE_PAGES[session.user.role] || ['counters'])[0];
    return;
  }
  drawHeader(page);
  const view = document.getElementById('view');
  view.replaceChildren();
  if (!PAGES[page] || !allowed(page)) {
    view.append(h('h1', null, t('forbidden_page')));
    return;
  }
  if (session.user) openEvents();
  cleanup = (await PAGES[page].render(view, arg)) || null;
}

async function boot() {
  applyLang();
  document.getElementById('lang').addEventListener('click', () => {
    setLang(getLang() === 'ar' ? 'en' : 'ar');
    route();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    location.hash = '#/login';
  });
  onConnection((up) => { document.getElementById('offline').hidden = up; });
  window.addEventListener('hashchange', route);
  for (;;) {
    try {
      const info = await get('/api/info');
      if (info && info.timezone) setTimeZone(info.timezone);
      await restore();
      break;
    } catch (e) {
      document.getElementById('offline').hidden = false;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  route();
}

boot();
