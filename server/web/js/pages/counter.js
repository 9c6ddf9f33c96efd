// counter page — the desk of one counter: the current ticket (label, service, time
// waited) and its actions (call next — also the Space key —, recall, start service,
// done, no-show, transfer with a note), the linked application with *verify*, the
// waiting list of this counter's services and the latest calls of every counter.
// Everything is refreshed by the server's events; the only timer redraws clocks.
// A banner says when a kiosk's printer stopped printing (device.status events and
// GET /api/devices/status on load).

import { t, pick, fmtDuration } from '../i18n.js';
import { get, post, onEvent, session, serverNow } from '../api.js';
import { h, field, select, act, quiet, badge, ticketState, showInfo } from '../ui.js';
import { appView } from '../appview.js';
import { loadSupportTypes } from '../support.js';

const STRINGS_PRINTER = ['paper_out', 'paper_low', 'cover_open', 'offline', 'cutter', 'unplugged', 'not_found'];
const secsSince = (iso, until) => ((until ? Date.parse(until) : serverNow()) - Date.parse(iso)) / 1000;

export async function render(view, arg) {
  const num = parseInt(arg, 10);
  let counter = null, services = [], waiting = [], recent = [];
  const names = {};

  const title = h('h1', null, t('counter_title', { n: num }));
  const curBox = h('section', { class: 'card current', 'aria-labelledby': 'cur-h' });
  const appBox = h('div', { class: 'app-slot' });
  const waitBox = h('section', { class: 'card waiting', 'aria-labelledby': 'wait-h' });
  const recentBox = h('section', { class: 'card recent', 'aria-labelledby': 'recent-h' });
  // Kiosk printers that are not printing, by device name.
  const printers = {};
  const printerBox = h('div', { class: 'printer-banner', role: 'alert', 'aria-live': 'polite' });
  function drawPrinters() {
    printerBox.replaceChildren();
    for (const [d, st] of Object.entries(printers)) {
      if (st === 'ok') continue;
      const key = STRINGS_PRINTER.includes(st) ? 'printer_' + st : 'printer_error';
      printerBox.append(h('p', { class: 'warn-text' }, t('kiosk_printer', { d, s: t(key) })));
    }
  }
  view.append(printerBox);
  view.append(h('div', { class: 'page-head' }, title,
    h('a', { href: '#/counters', class: 'button ghost' }, t('change_counter'))),
  h('div', { class: 'counter-layout' },
    h('div', { class: 'col-main' }, curBox, appBox),
    h('div', { class: 'col-side' }, waitBox, recentBox)));

  const btn = (key, action, cls) => h('button', { type: 'button', class: cls || '', dataset: { action },
    onclick: () => doAction(action) }, t(key));
  const bNext = btn('call_next', 'next', 'primary big');
  const bRecall = btn('recall', 'recall');
  const bServe = btn('start_service', 'serve');
  const bDone = btn('done', 'done');
  const bNoShow = btn('no_show', 'no-show', 'danger');
  const bClose = btn('close_counter', 'close', 'ghost');
  const tSel = h('select', { name: 'transfer-service' });
  const tNote = h('input', { name: 'transfer-note' });
  const bTransfer = h('button', { type: 'button', dataset: { action: 'transfer' }, onclick: () => doTransfer() }, t('transfer'));
  let clockEl = null;

  async function doAction(action) {
    const r = await act(() => post('/api/counters/' + num + '/' + action));
    if (r === null && action === 'next') showInfo(t('nobody_waiting'));
    if (r !== undefined) await loadAll();
  }

  async function doTransfer() {
    const cur = counter && counter.current;
    if (!cur) return;
    const r = await act(() => post('/api/counters/' + num + '/transfer', { service: tSel.value, note: tNote.value }));
    if (r) {
      showInfo(t('ticket_transferred', { l: r.label, s: names[r.service] || r.service }));
      tNote.value = '';
      await loadAll();
    }
  }

  function drawCurrent() {
    const cur = counter && counter.current;
    curBox.replaceChildren(h('h2', { id: 'cur-h' }, t('current_ticket')));
    clockEl = null;
    if (!cur) {
      curBox.append(h('p', { class: 'muted', id: 'no-current' }, t('no_current')));
    } else {
      clockEl = h('span', { class: 'clock' });
      curBox.append(h('div', { class: 'ticket' },
        h('div', { class: 'label', id: 'cur-label', dir: 'ltr' }, cur.label),
        h('dl', { class: 'facts' },
          h('dt', null, t('service')), h('dd', { id: 'cur-service' }, names[cur.service] || cur.service),
          h('dt', null, t('state')), h('dd', { id: 'cur-state' }, ticketState(cur.state), cur.priority ? badge(t('priority'), 'warn') : null,
            cur.origin_id ? badge(t('transferred_from')) : null),
          h('dt', null, t('waited')), h('dd', null, clockEl),
          h('dt', null, t('recalls')), h('dd', null, String(cur.recalls)),
          // What the previous counter wrote when transferring (staff only).
          ...(cur.note ? [h('dt', null, t('transfer_note')), h('dd', { id: 'cur-note', class: 'note' }, h('bdi', null, cur.note))] : []))));
    }
    const st = cur ? cur.state : '';
    bNext.disabled = !!cur;
    bRecall.disabled = st !== 'called';
    bServe.disabled = st !== 'called';
    bDone.disabled = st !== 'serving';
    bNoShow.disabled = st !== 'called';
    bTransfer.disabled = !cur;
    bClose.disabled = !counter || !counter.open || !!cur;
    curBox.append(h('div', { class: 'actions' }, bNext, h('span', { class: 'muted hint' }, t('space_hint')),
      bRecall, bServe, bDone, bNoShow));
    tSel.replaceChildren(...services.filter((s) => !cur || s.code !== cur.service)
      .map((s) => h('option', { value: s.code }, s.code + ' — ' + pick(s, 'name'))));
    if (services.some((s) => s.code === 'D') && (!cur || cur.service !== 'D')) tSel.value = 'D';
    curBox.append(h('div', { class: 'transfer row' }, field(t('transfer_to'), tSel), field(t('note'), tNote), bTransfer));
    curBox.append(h('div', { class: 'actions end' }, bClose));
    tick();
  }

  async function drawApp() {
    const cur = counter && counter.current;
    appBox.replaceChildren();
    if (!cur) return;
    if (!cur.application_id) {
      appBox.append(h('section', { class: 'card' }, h('h2', null, t('linked_application')), h('p', { class: 'muted' }, t('no_application'))));
      return;
    }
    if (!['reception', 'researcher', 'manager'].includes(session.user.role)) {
      appBox.append(h('section', { class: 'card' }, h('h2', null, t('linked_application')), h('p', { class: 'muted' }, t('app_hidden'))));
      return;
    }
    const app = await quiet(() => get('/api/applications/' + cur.application_id));
    if (!app) return;
    const show = (a) => appBox.replaceChildren(appView(a, show));
    show(app);
  }

  function drawWaiting() {
    const mine = counter ? waiting.filter((w) => counter.services.includes(w.service)) : [];
    const list = h('ol', { class: 'tickets', id: 'waiting-list' });
    for (const w of mine) {
      list.append(h('li', { dataset: { label: w.label, id: w.id } },
        h('span', { class: 'tl', dir: 'ltr' }, w.label), ' ',
        h('span', { class: 'muted' }, names[w.service] || w.service), ' ',
        w.priority ? badge(t('priority'), 'warn') : null,
        h('span', { class: 'clock wait', dataset: { since: w.issued_at } })));
    }
    waitBox.replaceChildren(h('h2', { id: 'wait-h' }, t('waiting_list') + ' (' + mine.length + ')'),
      mine.length ? list : h('p', { class: 'muted' }, t('nobody_waiting')));
    tick();
  }

  function drawRecent() {
    const list = h('ul', { class: 'tickets', id: 'recent-calls' });
    for (const r of recent) {
      // A no-show of this counter's services can be put back in the queue.
      const back = r.state === 'no_show' && counter && counter.services.includes(r.service)
        ? h('button', { type: 'button', class: 'small', dataset: { action: 'restore' }, onclick: async () => {
          if (await act(() => post('/api/tickets/' + r.id + '/restore')) !== undefined) await loadAll();
        } }, t('restore'))
        : null;
      list.append(h('li', { dataset: { label: r.label, counter: r.counter } },
        h('span', { class: 'tl', dir: 'ltr' }, r.label), ' ', h('span', null, t('to_counter', { n: r.counter })),
        r.state === 'no_show' ? badge(t('st_no_show')) : null, back));
    }
    recentBox.replaceChildren(h('h2', { id: 'recent-h' }, t('recent_calls')),
      recent.length ? list : h('p', { class: 'muted' }, t('no_calls')));
  }

  function tick() {
    const cur = counter && counter.current;
    if (clockEl && cur) clockEl.textContent = fmtDuration(secsSince(cur.issued_at, cur.called_at));
    for (const el of waitBox.querySelectorAll('[data-since]')) el.textContent = fmtDuration(secsSince(el.dataset.since));
  }

  let lastAppId = null;
  // Replies can arrive out of order (a GET may wait behind another request's commit
  // on the server), so a reload older than the one already drawn is dropped.
  let loadsStarted = 0, loadDrawn = 0;
  async function loadAll() {
    const mine = ++loadsStarted;
    const r = await quiet(() => Promise.all([get('/api/counters/' + num), get('/api/tickets')]));
    if (!r || mine < loadDrawn) return;
    loadDrawn = mine;
    const [c, { tickets }] = r;
    counter = c;
    title.textContent = t('counter_title', { n: num }) + ' — ' + c.name;
    waiting = tickets.filter((x) => x.state === 'waiting');
    recent = tickets.filter((x) => x.called_at && x.counter)
      .sort((a, b) => Date.parse(b.called_at) - Date.parse(a.called_at) || b.id - a.id).slice(0, 8);
    drawCurrent();
    drawWaiting();
    drawRecent();
    const appId = c.current ? c.current.application_id : null;
    if (appId !== lastAppId || !appId) { lastAppId = appId; await drawApp(); }
  }

  const [s] = await Promise.all([quiet(() => get('/api/services')), loadSupportTypes()]);
  services = s ? s.services : [];
  for (const x of services) names[x.code] = pick(x, 'name');
  await loadAll();
  const ds = await quiet(() => get('/api/devices/status'));
  for (const x of (ds && ds.devices) || []) printers[x.device] = x.printer;
  drawPrinters();

  const onKey = (ev) => {
    if (ev.key !== ' ' || ev.repeat || ev.ctrlKey || ev.altKey || ev.metaKey) return;
    const tag = ev.target && ev.target.tagName;
    if (['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(tag)) return;
    ev.preventDefault();
    if (!bNext.disabled) doAction('next');
  };
  document.addEventListener('keydown', onKey);
  const timer = setInterval(tick, 1000);
  let pending = null;
  const offEvents = onEvent((type, data) => {
    if (type === 'ticket.called' && data) {
      // Shown at once from the event itself; the reload below confirms it.
      recent = [{ label: data.label, counter: data.counter }, ...recent.filter((x) => x.label !== data.label)].slice(0, 8);
      drawRecent();
    }
    if (type === 'device.status' && data) {
      printers[data.device] = data.printer;
      drawPrinters();
    }
    if (type.startsWith('ticket.') || type.startsWith('counter.') || type.startsWith('application.') || type === 'reconnected') {
      // Bursts of events cause one reload.
      if (!pending) pending = setTimeout(() => { pending = null; loadAll(); }, 50);
    }
  });
  return () => {
    document.removeEventListener('keydown', onKey);
    clearInterval(timer);
    if (pending) clearTimeout(pending);
    offEvents();
  };
}
