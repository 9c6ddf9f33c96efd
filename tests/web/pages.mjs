// pages — every page of the staff console, in Arabic and in English, at 1366×768
// (and the counter page on a tablet): axe-core run inside Chromium must find no
// serious or critical violation, no control may overlap another, nothing may
// overflow sideways, and each page is saved as a screenshot in docs/console/ (for a
// person to look at: RTL layout, nothing cut). ctest writes them under the build
// folder; `DAWR_CONSOLE_SHOTS=docs/console ctest -R web_pages` refreshes the
// committed ones.

import fs from 'node:fs';
import path from 'node:path';
import { Server, BUILD, SRC, launch, newPage, loginAs, check, summary, axe, overlaps, nationalId, applicationForm, signaturePng } from './lib.mjs';

// The morning is scripted to end just before the real time, so the waiting times the
// browser counts look like an office's; it starts after the Riyadh midnight (UTC+3)
// so the whole of it is one day.
const NOW = Math.floor(Date.now() / 1000);
const MIDNIGHT = Math.floor((NOW + 3 * 3600) / 86400) * 86400 - 3 * 3600;
const T0 = Math.max(NOW - 45 * 60, MIDNIGHT + 60);
const DAY = new Date((T0 + 3 * 3600) * 1000).toISOString().slice(0, 10);
const OUT = process.env.DAWR_CONSOLE_SHOTS ? path.resolve(SRC, process.env.DAWR_CONSOLE_SHOTS) : path.join(BUILD, 'tests', 'web', 'screenshots');
const srv = new Server(T0);
let browser;
let a4issued = 0; // issue time of A-004, which stays waiting

// A small morning: tickets in every service, some served, a no-show, ratings,
// applications (one a duplicate); D-001 (with its application) was transferred from
// counter 4 to service A with a note, and counter 1 has just called it.
async function seed() {
  const kiosk = srv.kiosk(srv.addDevice('kiosk-hall', 'kiosk'));
  srv.addDevice('display-hall', 'display');
  await srv.start();
  const rec = await srv.staff('rec1');
  const nid = nationalId(1, '01234567');
  const tickets = [];
  // A second apart, so the transferred D-001 (it keeps its issue time) comes before A-003.
  for (const s of ['A', 'B', 'C', 'A', 'D', 'A', 'C', 'B', 'A', 'E']) { tickets.push((await kiosk.issue(s)).json); srv.advance(1); }
  await kiosk.apply(applicationForm(nid, { ticket_id: tickets[4].id, signature_png: signaturePng() }));
  await kiosk.apply(applicationForm(nationalId(2, '11223344'), { name: 'خالد محمد سالم العتيبي', mobile: '0509876543', housing: 'owned', family_members: 7, income: 4100, support_type: 'rent' }));
  await kiosk.apply(applicationForm(nid, { name: 'نورة عبدالرحمن علي الزهراني', support_type: 'medical' }));
  const steps = [[1, 'done', 240], [2, 'done', 120], [3, 'no-show', 0], [1, 'done', 420]];
  for (const [counter, end, dur] of steps) {
    srv.advance(300);
    await rec.post(`/api/counters/${counter}/next`);
    if (end === 'done') await rec.post(`/api/counters/${counter}/serve`);
    srv.advance(dur);
    await rec.post(`/api/counters/${counter}/${end}`);
  }
  for (const [i, score] of [[0, 5], [1, 4], [3, 5]]) await srv.req('POST', '/api/ratings', { token: tickets[i].token, score });
  // A fictional association, as the admin would fill it in.
  const assoc = await (await srv.staff('adm1')).put('/api/admin/association', {
    name_ar: 'جمعية الوفاء الخيرية', name_en: 'Al-Wafa Charitable Society', phone: '0112345678',
    address_ar: 'الرياض، حي الورود، شارع العطاء', address_en: 'Al-Wurud District, Al-Ata Street, Riyadh',
    ticker_ar: 'أهلاً بكم. يُرجى الانتظار حتى يظهر رقم تذكرتكم على الشاشة ثم التوجه إلى الشباك.',
    ticker_en: 'Welcome. Please wait until your ticket number is on the screen, then go to the counter.',
  });
  check(assoc.status === 200, 'the association details are stored (' + assoc.status + ')');
  srv.advance(100);
  await rec.post('/api/counters/4/next');
  await rec.post('/api/counters/4/transfer', { service: 'A', note: 'تحتاج إلى مساعدة في تعبئة طلب الدعم' });
  srv.advance(100);
  const cur = await rec.post('/api/counters/1/next');
  a4issued = Date.parse(tickets[8].issued_at) / 1000;
  return cur.json;
}

async function visit(page, name, lang, prepare) {
  await prepare();
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(() => document.fonts.ready);
  const dir = await page.evaluate(() => document.documentElement.dir + '/' + document.documentElement.lang);
  check(dir === (lang === 'ar' ? 'rtl/ar' : 'ltr/en'), `${name} (${lang}): <html> is ${dir}`);
  const bad = await axe(page);
  check(bad.length === 0, `${name} (${lang}): axe finds no serious/critical violation` +
    (bad.length ? ' ' + JSON.stringify(bad) : ''));
  const ov = await overlaps(page);
  check(ov.length === 0, `${name} (${lang}): nothing overlaps` + (ov.length ? ' ' + JSON.stringify(ov) : ''));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(wide <= 0, `${name} (${lang}): no sideways overflow (${wide}px)`);
  await page.screenshot({ path: path.join(OUT, `${name}-${lang}.png`), fullPage: true });
}

async function main() {
  for (const [u, r] of [['rec1', 'reception'], ['res1', 'researcher'], ['mgr1', 'manager'], ['adm1', 'admin']]) srv.addUser(u, r);
  const current = await seed();
  check(current && current.label === 'D-001' && current.service === 'A' && current.application_id && current.note,
    'counter 1 has called the transferred D-001 with its application and note');
  fs.mkdirSync(OUT, { recursive: true });
  browser = await launch();

  for (const lang of ['ar', 'en']) {
    const p = await newPage(browser, srv, lang);
    await visit(p, 'login', lang, () => p.waitForSelector('form.login'));
    await loginAs(p, 'rec1');
    await visit(p, 'counters', lang, () => p.waitForSelector('a.counter-card'));
    await p.goto(srv.url + '/#/counter/1');
    await visit(p, 'counter', lang, () => p.waitForSelector('section.app'));
    check((await p.textContent('#cur-note')) === 'تحتاج إلى مساعدة في تعبئة طلب الدعم', `counter (${lang}): the transfer note is shown`);
    await p.context().close();

    const r = await newPage(browser, srv, lang);
    await loginAs(r, 'res1');
    await r.goto(srv.url + '/#/applications/1');
    await visit(r, 'applications', lang, () => r.waitForSelector('section.app button[data-action=decide]'));
    await r.context().close();

    const m = await newPage(browser, srv, lang);
    await loginAs(m, 'mgr1');
    await m.goto(srv.url + '/#/reports');
    await m.waitForSelector('#report .stats');
    await visit(m, 'reports', lang, async () => {
      await m.fill('input[name=from]', DAY);
      await m.fill('input[name=to]', DAY);
      await m.click('form.filters button[type=submit]');
      await m.waitForSelector('#by-service tr[data-key="E"]');
    });
    await m.context().close();

    const a = await newPage(browser, srv, lang);
    await loginAs(a, 'adm1');
    await a.goto(srv.url + '/#/admin');
    await visit(a, 'admin', lang, () => a.waitForSelector('#counters tbody tr'));
    await a.context().close();
  }

  // A tablet (portrait): the counter page stacks into one column.
  const tab = await newPage(browser, srv, 'ar', { width: 820, height: 1180 });
  await loginAs(tab, 'rec1');
  await tab.goto(srv.url + '/#/counter/1');
  await visit(tab, 'counter-tablet', 'ar', () => tab.waitForSelector('section.app'));

  // A desk computer whose clock is three hours slow still counts waits right (the
  // server's Date header corrects it): A-004 has waited minutes, not 0:00.
  await tab.clock.setFixedTime(new Date(Date.now() - 3 * 3600e3));
  await tab.reload();
  await tab.waitForSelector('#waiting-list li[data-label="A-004"]');
  await tab.waitForFunction(() => /^\d{1,2}:\d\d$/.test(document.querySelector('#waiting-list li[data-label="A-004"] .clock').textContent));
  const w = await tab.textContent('#waiting-list li[data-label="A-004"] .clock');
  const [mm, ss] = w.split(':').map(Number);
  const shown = mm * 60 + ss, want = Math.max(0, Math.floor(Date.now() / 1000) - a4issued);
  check(Math.abs(shown - want) <= 5, `a slow desk clock still shows A-004's real wait (${w}, want ~${want} s)`);

  // A no-show is put back in the queue from the recent calls of its counter.
  await tab.goto(srv.url + '/#/counter/3');
  await tab.click('#recent-calls li[data-label="C-001"] button[data-action=restore]');
  await tab.waitForSelector('#waiting-list li[data-label="C-001"]');
  const cNow = (await (await srv.staff('rec1')).get('/api/tickets?state=waiting')).json.tickets.find((x) => x.label === 'C-001');
  check(!!cNow, 'the no-show C-001 is waiting again after «back to the queue»');

  // The language switch flips direction in place.
  await tab.click('#lang');
  await tab.waitForFunction(() => document.documentElement.dir === 'ltr');
  check((await tab.textContent('button[data-action=next]')) === 'Call next', 'the language switch redraws the page in English');
}

let rc = 1;
try {
  await main();
} catch (e) {
  check(false, 'pages ran to the end: ' + (e.stack || e));
} finally {
  if (browser) await browser.close();
  await srv.stop();
  rc = summary();
}
process.exit(rc);
