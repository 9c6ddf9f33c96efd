// applications page — support requests for reception, researchers and managers:
// filter by status (or overdue only, or by national ID), overdue ones first as the
// server sorts them, duplicate-ID flag; opening one shows it with verify / decide.

import { t, fmtDate } from '../i18n.js';
import { get, onEvent, session } from '../api.js';
import { h, field, select, quiet, badge, appStatus } from '../ui.js';
import { appView } from '../appview.js';
import { loadSupportTypes, supportName } from '../support.js';

const STATUSES = ['submitted', 'verified', 'under_review', 'accepted', 'rejected', 'needs_info'];

export async function render(view, arg) {
  const pii = session.user.role === 'reception' || session.user.role === 'researcher';
  const status = select([['', t('all')], ...STATUSES.map((s) => [s, appStatus(s)])], '', { name: 'status' });
  const overdue = h('input', { type: 'checkbox', name: 'overdue' });
  const nid = h('input', { name: 'nid', dir: 'ltr', inputmode: 'numeric', maxlength: 10 });
  const table = h('div', { class: 'table-wrap card' });
  const detail = h('div', { class: 'detail' });
  let openId = arg ? parseInt(arg, 10) : null;

  const filters = h('form', { class: 'card filters row', onsubmit: (ev) => { ev.preventDefault(); load(); } },
    field(t('filter_status'), status),
    h('div', { class: 'field check' }, overdue, h('label', { for: overdue.id = 'f-overdue' }, t('overdue_only'))),
    pii ? field(t('search_nid'), nid) : null,
    h('button', { type: 'submit' }, t('search')));
  status.addEventListener('change', load);
  overdue.addEventListener('change', load);
  view.append(h('h1', null, t('applications_title')), filters, h('div', { class: 'apps-layout' }, table, detail));

  async function load() {
    const q = new URLSearchParams();
    if (status.value) q.set('status', status.value);
    if (overdue.checked) q.set('overdue', '1');
    if (pii && nid.value.trim()) q.set('nid', nid.value.trim());
    q.set('limit', '200');
    const r = await quiet(() => get('/api/applications?' + q));
    if (!r) return;
    const rows = r.applications;
    if (!rows.length) { table.replaceChildren(h('p', { class: 'muted' }, t('no_applications'))); return; }
    const tbody = h('tbody');
    for (const a of rows) {
      tbody.append(h('tr', { dataset: { app: a.id, ref: a.reference }, class: a.id === openId ? 'sel' : '' },
        h('td', null, h('bdi', { dir: 'ltr' }, a.reference)),
        h('td', null, a.name),
        h('td', { class: 'nid' }, h('bdi', { dir: 'ltr' }, a.nid)),
        h('td', { class: 'support', dataset: { code: a.support_type } }, supportName(a.support_type)),
        h('td', null, badge(appStatus(a.status), 'st-' + a.status)),
        h('td', null, h('bdi', null, fmtDate(a.due_at)), ' ', a.overdue ? badge(t('overdue'), 'warn') : null),
        h('td', null, a.duplicate_of ? badge(t('duplicate'), 'warn') : ''),
        h('td', null, h('a', { href: '#/applications/' + a.id, class: 'button small', 'aria-label': t('open_application') + ' ' + a.reference }, t('open_application')))));
    }
    table.replaceChildren(h('table', null,
      h('thead', null, h('tr', null, ...['reference', 'name', 'nid', 'support_type', 'filter_status', 'due_at', 'duplicate', 'actions']
        .map((k) => h('th', { scope: 'col' }, t(k))))), tbody));
  }

  async function openApp() {
    detail.replaceChildren();
    if (!openId) return;
    const a = await quiet(() => get('/api/applications/' + openId));
    if (!a) return;
    const show = (x) => { detail.replaceChildren(appView(x, (y) => { show(y); load(); }, 'application')); };
    show(a);
  }

  await loadSupportTypes();
  await load();
  await openApp();
  return onEvent((type) => {
    if (type.startsWith('application.') || type === 'reconnected') load();
  });
}
