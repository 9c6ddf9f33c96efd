// reports page — a day or a range of days: tickets per service, waits (p50/p90),
// service times, per counter and per staff, satisfaction (average and distribution),
// applications by status and overdue; bar charts drawn here as inline SVG, and the
// same numbers as CSV from the server.

import { t, pick, fmtNum, fmtDuration, getLang, today as todayIn } from '../i18n.js';
import { get } from '../api.js';
import { h, field, quiet, appStatus } from '../ui.js';
import { loadSupportTypes, supportName } from '../support.js';

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

// Horizontal bars, one row per item, several series per row; mirrored in RTL.
function barChart(title, rows, series) {
  const rtl = getLang() === 'ar';
  const W = 600, labelW = 210, rowH = 18 * series.length + 10, H = rows.length * rowH + 10;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((x) => r.values[x.key] || 0)));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': title, class: 'chart' });
  svg.append(s('title', null, title));
  rows.forEach((r, i) => {
    const y = 5 + i * rowH;
    // Long names are cut to fit the label column; the table below has them whole.
    const label = r.label.length > 26 ? r.label.slice(0, 25) + '…' : r.label;
    svg.append(s('text', { x: rtl ? W - 4 : 4, y: y + rowH / 2, 'text-anchor': 'start', 'dominant-baseline': 'middle', class: 'lbl', direction: rtl ? 'rtl' : 'ltr' }, label));
    series.forEach((x, j) => {
      const v = r.values[x.key] || 0;
      const w = Math.max(v > 0 ? 2 : 0, (W - labelW - 60) * v / max);
      const by = y + j * 18;
      const bx = rtl ? W - labelW - w : labelW;
      svg.append(s('rect', { x: bx, y: by, width: w, height: 14, class: 'bar s' + j }));
      svg.append(s('text', { x: rtl ? bx - 4 : bx + w + 4, y: by + 7, 'dominant-baseline': 'middle', 'text-anchor': rtl ? 'end' : 'start', class: 'val', direction: 'ltr' }, x.fmt ? x.fmt(v) : fmtNum(v, 1)));
    });
  });
  const legend = h('p', { class: 'legend' }, ...series.map((x, j) => h('span', null, h('i', { class: 'sw s' + j }), x.label)));
  return h('figure', { class: 'card chart-card' }, h('figcaption', null, title), svg, series.length > 1 ? legend : null);
}

function table(id, caption, rows, keyLabel) {
  const cols = [['issued', 'issued'], ['done', 'served'], ['no_show', 'no_shows'], ['transferred', 'transferred'],
    ['waiting', 'waiting_now'], ['wait_p50_s', 'wait_p50'], ['wait_p90_s', 'wait_p90'],
    ['service_mean_s', 'service_mean'], ['rating_avg', 'rating_avg']];
  const fmt = (k, v, r) => (k.endsWith('_s') ? fmtDuration(v) : k === 'rating_avg' ? (r.ratings ? fmtNum(v, 2) : t('none')) : fmtNum(v));
  return h('div', { class: 'table-wrap card' }, h('table', { id },
    h('caption', null, caption),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('key')), ...cols.map(([, l]) => h('th', { scope: 'col' }, t(l))))),
    h('tbody', null, ...rows.map((r) => h('tr', { dataset: { key: r.key } },
      h('th', { scope: 'row' }, keyLabel(r.key)),
      ...cols.map(([k]) => h('td', { dataset: { col: k } }, h('bdi', { dir: 'ltr' }, fmt(k, r[k], r)))))))));
}

export async function render(view) {
  const today = todayIn();
  const from = h('input', { type: 'date', name: 'from', value: today });
  const to = h('input', { type: 'date', name: 'to', value: today });
  const csv = h('a', { class: 'button', download: 'dawr-report.csv', id: 'csv' }, t('download_csv'));
  const out = h('div', { id: 'report' });
  const form = h('form', { class: 'card filters row', onsubmit: (ev) => { ev.preventDefault(); load(); } },
    field(t('from'), from), field(t('to'), to), h('button', { type: 'submit', class: 'primary' }, t('show')), csv);
  view.append(h('h1', null, t('reports_title')), form, out);

  let names = {};
  const sv = await quiet(() => get('/api/services'));
  if (sv) names = Object.fromEntries(sv.services.map((x) => [x.code, pick(x, 'name')]));

  async function load() {
    const q = new URLSearchParams({ date: from.value || today, to: to.value || from.value || today });
    csv.href = '/api/reports/daily.csv?' + q;
    const r = await quiet(() => get('/api/reports/daily?' + q));
    if (!r) return;
    const T = r.total;
    const card = (id, label, value) => h('div', { class: 'card stat', id }, h('div', { class: 'muted' }, label), h('div', { class: 'num' }, h('bdi', { dir: 'ltr' }, value)));
    const ratingsN = Object.values(r.ratings).reduce((a, b) => a + b, 0);
    const svcLabel = (k) => k + ' — ' + (names[k] || k);
    out.replaceChildren(
      h('div', { class: 'stats' },
        card('st-issued', t('issued'), fmtNum(T.issued)),
        card('st-done', t('served'), fmtNum(T.done)),
        card('st-noshow', t('no_shows'), fmtNum(T.no_show)),
        card('st-p50', t('wait_p50'), fmtDuration(T.wait_p50_s)),
        card('st-p90', t('wait_p90'), fmtDuration(T.wait_p90_s)),
        card('st-svc', t('service_mean'), fmtDuration(T.service_mean_s)),
        card('st-rating', t('rating_avg'), ratingsN ? fmtNum(T.rating_avg, 2) + ' / 5' : t('none'))),
      h('div', { class: 'charts' },
        r.by_service.length ? barChart(t('tickets_per_service'), r.by_service.map((x) => ({ label: svcLabel(x.key), values: x })),
          [{ key: 'issued', label: t('issued') }, { key: 'done', label: t('served') }].map((x) => ({ ...x, fmt: (v) => fmtNum(v) }))) : null,
        r.by_service.length ? barChart(t('waits_chart'), r.by_service.map((x) => ({ label: svcLabel(x.key),
          values: { p50: x.wait_p50_s / 60, p90: x.wait_p90_s / 60 } })),
        [{ key: 'p50', label: t('wait_p50') }, { key: 'p90', label: t('wait_p90') }]) : null,
        barChart(t('ratings_chart'), [5, 4, 3, 2, 1].map((n) => ({ label: t('stars', { n }), values: { c: r.ratings[String(n)] || 0 } })),
          [{ key: 'c', label: t('ratings'), fmt: (v) => fmtNum(v) }])),
      r.by_service.length ? table('by-service', t('by_service'), r.by_service, svcLabel) : h('p', { class: 'card muted' }, t('no_data')),
      r.by_counter.length ? table('by-counter', t('by_counter'), r.by_counter, (k) => t('counter_title', { n: k })) : "",
      r.by_staff.length ? table('by-staff', t('by_staff'), r.by_staff, (k) => k) : "",
      h('section', { class: 'card', id: 'apps-summary', 'aria-labelledby': 'apps-h' }, h('h2', { id: 'apps-h' }, t('applications_summary')),
        h('dl', { class: 'facts' },
          h('dt', null, t('apps_submitted')), h('dd', { dataset: { k: 'submitted' } }, fmtNum(r.applications.submitted)),
          h('dt', null, t('apps_overdue')), h('dd', { dataset: { k: 'overdue' } }, fmtNum(r.applications.overdue)),
          ...Object.entries(r.applications.by_status).flatMap(([k, v]) => [h('dt', null, appStatus(k)), h('dd', { dataset: { k } }, fmtNum(v))])),
        (r.applications.by_support_type || []).length
          ? h('div', { id: 'apps-by-support' }, h('h3', null, t('apps_by_support')), h('dl', { class: 'facts' },
            ...r.applications.by_support_type.flatMap((x) => [h('dt', null, supportName(x.code)), h('dd', { dataset: { support: x.code } }, fmtNum(x.count))])))
          : ''));
  }
  await loadSupportTypes();
  await load();
}
