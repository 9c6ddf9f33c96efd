// counters page — choose the counter you sit at: each counter with its services and
// whether it is open. Open/closed changes arrive live.

import { t, pick } from '../i18n.js';
import { get, onEvent } from '../api.js';
import { h, quiet } from '../ui.js';

export async function render(view) {
  const list = h('div', { class: 'grid counters' });
  view.append(h('h1', null, t('choose_title')), list);

  async function load() {
    const r = await quiet(async () => Promise.all([get('/api/counters'), get('/api/services')]));
    if (!r) return;
    const [{ counters }, { services }] = r;
    const names = Object.fromEntries(services.map((s) => [s.code, pick(s, 'name')]));
    list.replaceChildren();
    if (!counters.length) list.append(h('p', null, t('no_counters')));
    for (const c of counters) {
      list.append(h('a', { class: 'card counter-card', href: '#/counter/' + c.number, dataset: { counter: c.number } },
        h('h2', null, t('counter_title', { n: c.number })),
        h('p', { class: 'muted' }, c.name),
        h('p', null, h('span', { class: 'badge ' + (c.open ? 'ok' : '') }, c.open ? t('counter_open') : t('counter_closed'))),
        h('p', null, t('counter_services') + ': ' + c.services.map((s) => s + ' ' + (names[s] || '')).join('، '))));
    }
  }
  await load();
  return onEvent((type) => {
    if (type.startsWith('counter.') || type === 'reconnected') load();
  });
}
