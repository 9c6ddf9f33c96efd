// admin page — services (names, prefix, weight, active), counters and the services
// each serves, staff accounts (role, password reset, enable/disable), devices (a
// kiosk or display token shown once, revoke), and the association details and
// display ticker the server publishes (edited here, stored by the server).

import { t, fmtTime } from '../i18n.js';
import { get, post, put, patch, del } from '../api.js';
import { h, field, select, act, quiet, badge, showInfo } from '../ui.js';

const ROLES = ['admin', 'manager', 'reception', 'researcher'];

export async function render(view) {
  const secServices = h('section', { class: 'card', id: 'services', 'aria-labelledby': 'h-svc' });
  const secCounters = h('section', { class: 'card', id: 'counters', 'aria-labelledby': 'h-cnt' });
  const secStaff = h('section', { class: 'card', id: 'staff', 'aria-labelledby': 'h-staff' });
  const secDevices = h('section', { class: 'card', id: 'devices', 'aria-labelledby': 'h-dev' });
  const secAssoc = h('section', { class: 'card', id: 'association', 'aria-labelledby': 'h-assoc' });
  view.append(h('h1', null, t('admin_title')), secDevices, secStaff, secServices, secCounters, secAssoc);
  let services = [];

  const inp = (attrs) => h('input', attrs);
  const cell = (label, control) => { control.setAttribute('aria-label', label); return h('td', null, control); };

  async function loadServices() {
    const r = await quiet(() => get('/api/admin/services'));
    if (!r) return;
    services = r.services;
    const row = (s, isNew) => {
      const code = inp({ value: s.code, maxlength: 8, dir: 'ltr', readonly: !isNew, class: 'tiny' });
      const prefix = inp({ value: s.prefix, maxlength: 2, dir: 'ltr', class: 'tiny' });
      const ar = inp({ value: s.name_ar, lang: 'ar', dir: 'rtl', class: 'name' });
      const en = inp({ value: s.name_en, lang: 'en', dir: 'ltr', class: 'name' });
      const weight = inp({ type: 'number', step: '0.1', min: '0.1', value: s.weight, class: 'narrow' });
      const sort = inp({ type: 'number', value: s.sort, class: 'narrow' });
      const active = inp({ type: 'checkbox', checked: s.active });
      const needs = inp({ type: 'checkbox', checked: s.needs_application });
      return h('tr', { dataset: { code: s.code || 'new' } },
        cell(t('code'), code), cell(t('prefix'), prefix), cell(t('name_ar'), ar), cell(t('name_en'), en),
        cell(t('weight'), weight), cell(t('sort'), sort), cell(t('active'), active), cell(t('needs_application'), needs),
        h('td', null, h('button', { type: 'button', onclick: async () => {
          const body = { prefix: prefix.value, name_ar: ar.value, name_en: en.value, needs_application: needs.checked,
            weight: parseFloat(weight.value), active: active.checked, sort: parseInt(sort.value, 10) || 0 };
          const ok = await act(() => put('/api/admin/services/' + encodeURIComponent(code.value.trim()), body));
          if (ok !== undefined) { showInfo(t('saved')); loadServices(); loadCounters(); }
        } }, isNew ? t('add') : t('save'))));
    };
    secServices.replaceChildren(h('h2', { id: 'h-svc' }, t('services_title')), h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, ...['code', 'prefix', 'name_ar', 'name_en', 'weight', 'sort', 'active', 'needs_application', 'actions']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, ...services.map((s) => row(s, false)),
        row({ code: '', prefix: '', name_ar: '', name_en: '', weight: 1, sort: services.length + 1, active: true, needs_application: false }, true)))));
  }

  async function loadCounters() {
    const r = await quiet(() => get('/api/counters'));
    if (!r) return;
    const row = (c, isNew) => {
      const num = inp({ type: 'number', min: 1, value: c.number, class: 'narrow', readonly: !isNew });
      const name = inp({ value: c.name });
      const boxes = services.map((s) => {
        const cb = inp({ type: 'checkbox', checked: c.services.includes(s.code), dataset: { svc: s.code } });
        return h('label', { class: 'chip' }, cb, ' ', s.code);
      });
      return h('tr', { dataset: { counter: c.number || 'new' } },
        cell(t('number'), num), cell(t('name'), name),
        h('td', null, h('div', { class: 'chips', role: 'group', 'aria-label': t('counter_services') }, ...boxes)),
        h('td', null, h('button', { type: 'button', onclick: async () => {
          const svcs = boxes.map((b) => b.querySelector('input')).filter((b) => b.checked).map((b) => b.dataset.svc);
          const ok = await act(() => put('/api/admin/counters/' + parseInt(num.value, 10), { name: name.value, services: svcs }));
          if (ok !== undefined) { showInfo(t('saved')); loadCounters(); }
        } }, isNew ? t('add') : t('save'))));
    };
    const next = Math.max(0, ...r.counters.map((c) => c.number)) + 1;
    secCounters.replaceChildren(h('h2', { id: 'h-cnt' }, t('counters_title')), h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, ...['number', 'name', 'counter_services', 'actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, ...r.counters.map((c) => row(c, false)), row({ number: next, name: '', services: [] }, true)))));
  }

  async function loadStaff() {
    const r = await quiet(() => get('/api/admin/staff'));
    if (!r) return;
    const roleOpts = ROLES.map((x) => [x, t('role_' + x)]);
    const rows = r.staff.map((u) => {
      const role = select(roleOpts, u.role, { 'aria-label': t('role') + ' ' + u.username });
      role.addEventListener('change', async () => {
        if (await act(() => patch('/api/admin/staff/' + u.id, { role: role.value })) !== undefined) showInfo(t('saved'));
      });
      const pw = inp({ type: 'password', autocomplete: 'new-password', 'aria-label': t('new_password') + ' ' + u.username, class: 'pw' });
      return h('tr', { dataset: { user: u.username } },
        h('td', null, h('bdi', { dir: 'ltr' }, u.username)), h('td', null, u.display_name), h('td', null, role),
        h('td', null, u.active ? badge(t('active'), 'ok') : badge(t('revoked'))),
        h('td', null, h('div', { class: 'inline' }, pw, h('button', { type: 'button', dataset: { action: 'reset' }, onclick: async () => {
          if (await act(() => patch('/api/admin/staff/' + u.id, { password: pw.value })) !== undefined) { pw.value = ''; showInfo(t('saved')); }
        } }, t('reset_password')),
        h('button', { type: 'button', class: 'ghost', onclick: async () => {
          if (await act(() => patch('/api/admin/staff/' + u.id, { active: !u.active })) !== undefined) loadStaff();
        } }, u.active ? t('disable') : t('enable')))));
    });
    const nu = inp({ name: 'new-username', dir: 'ltr', autocomplete: 'off' });
    const nd = inp({ name: 'new-display' });
    const nr = select(roleOpts, 'reception', { name: 'new-role' });
    const np = inp({ name: 'new-password', type: 'password', autocomplete: 'new-password' });
    secStaff.replaceChildren(h('h2', { id: 'h-staff' }, t('staff_title')),
      h('div', { class: 'table-wrap' }, h('table', null,
        h('thead', null, h('tr', null, ...['username', 'display_name', 'role', 'active', 'new_password'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', null, ...rows))),
      h('form', { class: 'row', onsubmit: async (ev) => {
        ev.preventDefault();
        const ok = await act(() => post('/api/admin/staff', { username: nu.value.trim(), display_name: nd.value.trim() || nu.value.trim(), role: nr.value, password: np.value }));
        if (ok !== undefined) { showInfo(t('saved')); loadStaff(); }
      } }, h('h3', { class: 'full' }, t('new_staff')), field(t('username'), nu), field(t('display_name'), nd), field(t('role'), nr), field(t('password'), np),
      h('button', { type: 'submit' }, t('add'))));
  }

  async function loadDevices(token) {
    const r = await quiet(() => get('/api/admin/devices'));
    if (!r) return;
    const name = inp({ name: 'device-name' });
    const kind = select([['kiosk', t('kind_kiosk')], ['display', t('kind_display')]], 'kiosk', { name: 'device-kind' });
    secDevices.replaceChildren(h('h2', { id: 'h-dev' }, t('devices_title')),
      token ? h('div', { class: 'token', role: 'alert' }, h('p', null, t('token_once')), h('code', { id: 'new-token', dir: 'ltr' }, token)) : '',
      h('div', { class: 'table-wrap' }, h('table', null,
        h('thead', null, h('tr', null, ...['name', 'kind', 'created_at', 'last_seen', 'filter_status', 'actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', null, ...r.devices.map((d) => h('tr', { dataset: { device: d.name } },
          h('td', null, d.name), h('td', null, t('kind_' + d.kind)), h('td', null, fmtTime(d.created_at)), h('td', null, fmtTime(d.last_seen_at)),
          h('td', null, d.revoked ? badge(t('revoked')) : badge(t('active'), 'ok')),
          h('td', null, d.revoked ? '' : h('button', { type: 'button', class: 'danger', dataset: { action: 'revoke' }, onclick: async () => {
            if (!confirm(t('confirm_revoke'))) return;
            if (await act(() => del('/api/admin/devices/' + d.id)) !== undefined) loadDevices();
          } }, t('revoke')))))))),
      h('form', { class: 'row', onsubmit: async (ev) => {
        ev.preventDefault();
        const d = await act(() => post('/api/admin/devices', { name: name.value.trim(), kind: kind.value }));
        if (d) loadDevices(d.token);
      } }, h('h3', { class: 'full' }, t('new_device')), field(t('name'), name), field(t('kind'), kind), h('button', { type: 'submit', class: 'primary' }, t('create_token'))));
  }

  // The association's public details and the display ticker, stored by the server
  // (seeded from its configuration file on the first start).
  async function loadAssoc() {
    const r = await quiet(() => get('/api/admin/association'));
    if (!r) return;
    const ctl = {};
    const mk = (k, attrs, tag = 'input') => (ctl[k] = h(tag, { name: 'assoc-' + k, value: r[k] || '', ...attrs }));
    const fields = [
      field(t('name_ar'), mk('name_ar', { lang: 'ar', dir: 'rtl', required: true, maxlength: 120 })),
      field(t('name_en'), mk('name_en', { lang: 'en', dir: 'ltr', maxlength: 120 })),
      field(t('phone'), mk('phone', { dir: 'ltr', inputmode: 'tel', maxlength: 30 })),
      field(t('address_ar'), mk('address_ar', { lang: 'ar', dir: 'rtl', maxlength: 250 })),
      field(t('address_en'), mk('address_en', { lang: 'en', dir: 'ltr', maxlength: 250 })),
      field(t('ticker_ar'), mk('ticker_ar', { lang: 'ar', dir: 'rtl', rows: 2, maxlength: 600 }, 'textarea')),
      field(t('ticker_en'), mk('ticker_en', { lang: 'en', dir: 'ltr', rows: 2, maxlength: 600 }, 'textarea')),
    ];
    for (const k of ['ticker_ar', 'ticker_en']) ctl[k].value = r[k] || '';
    secAssoc.replaceChildren(h('h2', { id: 'h-assoc' }, t('association_title')),
      h('p', { class: 'muted' }, t('association_note')),
      h('form', { class: 'row assoc', onsubmit: async (ev) => {
        ev.preventDefault();
        const body = {};
        for (const k of Object.keys(ctl)) body[k] = ctl[k].value.trim();
        const ok = await act(() => put('/api/admin/association', body));
        if (ok !== undefined) { showInfo(t('saved')); loadAssoc(); }
      } }, ...fields, h('button', { type: 'submit', class: 'primary', dataset: { action: 'save-association' } }, t('save'))));
  }

  await Promise.all([loadDevices(), loadStaff(), loadServices().then(loadCounters), loadAssoc()]);
}
