// appview — one application shown in full, with the two actions staff take on it:
// *verify* (reception or researcher tick every field after matching it with the
// original documents; the button stays disabled until all are ticked) and the
// committee's *decision* (researcher, with a note). Used by the counter page and the
// applications page.

import { t, fmtNum, fmtTime } from './i18n.js';
import { get, post, session } from './api.js';
import { h, field, select, act, quiet, badge, appStatus, showInfo } from './ui.js';
import { supportName } from './support.js';

const CHECKED = ['name', 'nid', 'mobile', 'city', 'district', 'family_members', 'income', 'housing'];

function value(app, k) {
  if (k === 'housing') return t('housing_' + app.housing);
  if (k === 'income') return fmtNum(app.income);
  return app[k];
}

// Renders app into a fresh element; onChange(app) after a successful action.
export function appView(app, onChange, titleKey = 'linked_application') {
  const role = session.user.role;
  const box = h('section', { class: 'card app', 'aria-labelledby': 'app-h-' + app.id, dataset: { app: app.id } });
  box.append(h('h2', { id: 'app-h-' + app.id }, t(titleKey) + ' ', h('bdi', { dir: 'ltr' }, app.reference), ' ',
    badge(appStatus(app.status), 'st-' + app.status),
    app.overdue ? badge(t('overdue'), 'warn') : null,
    app.duplicate_of ? badge(t('duplicate'), 'warn') : null));
  if (app.duplicate_of) box.append(h('p', { class: 'warn-text' }, t('duplicate_of', { n: app.duplicate_of })));
  if (app.nid_masked) box.append(h('p', { class: 'muted' }, t('masked_note')));

  const canVerify = (role === 'reception' || role === 'researcher') &&
    (app.status === 'submitted' || app.status === 'needs_info');
  const checks = [];
  const dl = h('dl', { class: 'fields' });
  for (const k of CHECKED) {
    // IDs and phone numbers read left to right even in an Arabic page.
    const v = k === 'nid' || k === 'mobile' ? h('bdi', { dir: 'ltr' }, value(app, k)) : value(app, k);
    const dd = h('dd', { class: 'v-' + k }, v);
    if (canVerify) {
      const cb = h('input', { type: 'checkbox', 'aria-label': t('confirm_field', { f: t(k === 'income' ? 'income' : k) }), dataset: { check: k } });
      checks.push(cb);
      dd.prepend(cb, ' ');
    }
    dl.append(h('dt', null, t(k)), dd);
  }
  dl.append(h('dt', null, t('support_type')), h('dd', { class: 'v-support_type', dataset: { code: app.support_type } }, supportName(app.support_type)));
  dl.append(h('dt', null, t('notes')), h('dd', null, app.notes || t('none')));
  dl.append(h('dt', null, t('channel')), h('dd', null, t('ch_' + app.channel)));
  dl.append(h('dt', null, t('submitted_at')), h('dd', null, fmtTime(app.submitted_at)));
  dl.append(h('dt', null, t('due_at')), h('dd', null, fmtTime(app.due_at)));
  if (app.verified_at) dl.append(h('dt', null, t('verified_at')), h('dd', null, fmtTime(app.verified_at)));
  if (app.note) dl.append(h('dt', null, t('decision_note')), h('dd', null, app.note));
  box.append(dl);
  // The signature drawn at the kiosk; only roles that see the full record get it.
  if (app.has_signature && !app.nid_masked) {
    box.append(h('figure', { class: 'signature' }, h('figcaption', { class: 'muted' }, t('signature')),
      h('img', { src: '/api/applications/' + app.id + '/signature', alt: t('signature_alt', { r: app.reference }) })));
  }

  async function reload() {
    const fresh = await get('/api/applications/' + app.id);
    onChange(fresh);
  }

  if (canVerify) {
    const note = h('input', { name: 'verify-note' });
    const btn = h('button', { type: 'button', class: 'primary', disabled: true, dataset: { action: 'verify' }, onclick: async () => {
      const ok = await act(() => post('/api/applications/' + app.id + '/verify', { note: note.value }));
      if (ok !== undefined) { showInfo(t('saved')); await quiet(reload); }
    } }, t('verify'));
    const sync = () => { btn.disabled = !checks.every((c) => c.checked); };
    for (const c of checks) c.addEventListener('change', sync);
    box.append(h('div', { class: 'verify' }, h('h3', null, t('verify_title')), h('p', { class: 'muted' }, t('verify_hint')),
      field(t('note'), note), btn));
  }

  const open = app.status !== 'accepted' && app.status !== 'rejected';
  if (role === 'researcher' && open) {
    const opts = ['under_review', 'accepted', 'rejected', 'needs_info'].map((s) => [s, appStatus(s)]);
    const dec = select(opts, app.status === 'under_review' ? 'accepted' : 'under_review', { name: 'decision' });
    const note = h('textarea', { name: 'decision-note', rows: 2 });
    box.append(h('div', { class: 'decide' }, h('h3', null, t('decide_title')),
      h('div', { class: 'row' }, field(t('decision'), dec), field(t('decision_note'), note)),
      h('button', { type: 'button', class: 'primary', dataset: { action: 'decide' }, onclick: async () => {
        const ok = await act(() => post('/api/applications/' + app.id + '/decide', { decision: dec.value, note: note.value }));
        if (ok !== undefined) { showInfo(t('saved')); await quiet(reload); }
      } }, t('decide'))));
  }
  return box;
}
