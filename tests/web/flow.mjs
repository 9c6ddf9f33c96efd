// flow — one scripted office day driven through the staff console in Chromium:
// reception logs in, opens counter 1, calls the next ticket with the Space key,
// verifies its application field by field, starts service and transfers it to social
// research; the researcher at counter 4 sees the call appear live (the delay is
// measured and printed), then serves it; reception serves another and marks a
// no-show at counter 3; the researcher decides the application; the manager sees
// national IDs masked, checks the day's report against the script and downloads the
// CSV; the admin creates and revokes a kiosk token and gets an Arabic error; the
// server is restarted and the console's lost-connection banner comes and goes;
// two weeks later the open application is overdue and listed first.

import fs from 'node:fs';
import { Server, launch, newPage, loginAs, check, checkEq, summary, nationalId, applicationForm, signaturePng } from './lib.mjs';

const T0 = Date.UTC(2026, 10, 22, 5, 0, 0) / 1000; // 2026-11-22 08:00 Asia/Riyadh
const DAY = '2026-11-22';
const srv = new Server(T0);
let browser;

async function main() {
  for (const [u, r] of [['rec1', 'reception'], ['res1', 'researcher'], ['mgr1', 'manager'], ['adm1', 'admin']]) srv.addUser(u, r);
  const kioskToken = srv.addDevice('kiosk-1', 'kiosk');
  await srv.start();
  const kiosk = srv.kiosk(kioskToken);

  // 08:00 — the kiosk issues A-001 (with its application), A-002 and C-001, and a
  // second application for the same national ID arrives (to be flagged).
  const nid = nationalId(1, '09876543');
  const a1 = (await kiosk.issue('A')).json;
  const app1 = (await kiosk.apply(applicationForm(nid, { ticket_id: a1.id, signature_png: signaturePng() }))).json;
  const a2 = (await kiosk.issue('A')).json;
  const c1 = (await kiosk.issue('C')).json;
  const app2 = (await kiosk.apply(applicationForm(nid, { name: 'نورة عبدالرحمن علي الزهراني' }))).json;
  check(a1.label === 'A-001' && a2.label === 'A-002' && c1.label === 'C-001' && app1.reference && app2.reference, 'kiosk issued A-001, A-002, C-001 and two applications');

  browser = await launch();
  const rec = await newPage(browser, srv, 'ar');
  check(await rec.evaluate(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar'), 'Arabic by default: <html dir=rtl lang=ar>');

  // A wrong password gives the server's Arabic message.
  await rec.fill('input[name=username]', 'rec1');
  await rec.fill('input[name=password]', 'wrong-password');
  await rec.click('form.login button[type=submit]');
  await rec.waitForSelector('#status.error');
  check((await rec.textContent('#status')).includes('كلمة المرور غير صحيحة'), 'a failed login shows the server message in Arabic');

  await loginAs(rec, 'rec1');
  await rec.waitForSelector('a.counter-card[data-counter="1"]');
  await rec.click('a.counter-card[data-counter="1"]');
  await rec.waitForSelector('#no-current');
  check((await rec.locator('#waiting-list li').count()) === 2, 'counter 1 lists its two waiting A tickets');

  // The researcher sits at counter 4 (social research) in a second browser context.
  const res = await newPage(browser, srv, 'ar');
  await loginAs(res, 'res1');
  await res.goto(srv.url + '/#/counter/4');
  await res.waitForSelector('#recent-h');
  await res.evaluate(() => {
    window.__seen = null;
    new MutationObserver(() => {
      if (!window.__seen && document.querySelector('#recent-calls li[data-label="A-001"][data-counter="1"]')) window.__seen = Date.now();
    }).observe(document.body, { childList: true, subtree: true });
  });

  // 08:02 — Space calls the next ticket at counter 1.
  srv.advance(120);
  await rec.click('h1');
  const t0 = Date.now();
  await rec.keyboard.press('Space');
  await rec.waitForSelector('#cur-label');
  checkEq(await rec.textContent('#cur-label'), 'A-001', 'the Space key called A-001 at counter 1');
  await res.waitForFunction(() => window.__seen !== null, null, { timeout: 5000 });
  const seen = await res.evaluate(() => window.__seen);
  console.log(`live: counter 1's call appeared at counter 4 after ${seen - t0} ms (Space pressed -> shown, EventSource)`);
  check(seen - t0 < 2000, 'the second counter saw the call live, within 2 s');

  // The linked application: every field confirmed, then verified.
  await rec.waitForSelector(`section.app[data-app="${app1.id}"]`);
  check((await rec.textContent('section.app .v-nid')).includes(nid), 'reception sees the full national ID');
  await rec.waitForFunction(() => document.querySelector('figure.signature img')?.naturalWidth > 0);
  check(true, 'reception sees the signature drawn at the kiosk');
  const verify = rec.locator('button[data-action=verify]');
  check(await verify.isDisabled(), 'verify stays disabled until every field is confirmed');
  for (const cb of await rec.locator('section.app input[data-check]').all()) await cb.check();
  check(await verify.isEnabled(), 'verify is enabled once every field is confirmed');
  await verify.click();
  await rec.waitForSelector('section.app .badge.st-verified');
  checkEq((await (await srv.staff('res1')).get('/api/applications/' + app1.id)).json.status, 'verified', 'the application is verified on the server');

  await rec.click('button[data-action=serve]');
  await rec.waitForFunction(() => document.querySelector('#cur-state')?.textContent.includes('قيد الخدمة'));

  // 08:07 — transfer to social research with a note; it shows up live at counter 4.
  srv.advance(300);
  checkEq(await rec.inputValue('select[name=transfer-service]'), 'D', 'social research is the default transfer target');
  await rec.fill('input[name=transfer-note]', 'يحتاج إلى دراسة الحالة');
  await rec.click('button[data-action=transfer]');
  await rec.waitForSelector('#no-current');
  await res.waitForSelector('#waiting-list li[data-label="A-001"]', { timeout: 5000 });
  check(true, 'the transferred ticket appeared live in counter 4\'s waiting list');

  // 08:10 — the researcher calls it at counter 4 and serves it for 5 minutes.
  srv.advance(180);
  await res.click('button[data-action=next]');
  await res.waitForSelector('#cur-label');
  checkEq(await res.textContent('#cur-label'), 'A-001', 'counter 4 called the transferred A-001');
  checkEq(await res.textContent('#cur-note'), 'يحتاج إلى دراسة الحالة', 'counter 4 shows the note written at the transfer');
  await res.click('button[data-action=serve]');
  await res.waitForSelector('button[data-action=done]:not([disabled])');
  srv.advance(300);
  await res.click('button[data-action=done]');
  await res.waitForSelector('#no-current');

  // 08:15 — counter 1 calls A-002 and serves it for 100 s.
  await rec.click('h1');
  await rec.keyboard.press('Space');
  await rec.waitForFunction(() => document.querySelector('#cur-label')?.textContent === 'A-002');
  await rec.click('button[data-action=serve]');
  await rec.waitForSelector('button[data-action=done]:not([disabled])');
  srv.advance(100);
  await rec.click('button[data-action=done]');
  await rec.waitForSelector('#no-current');
  check(true, 'A-002 served at counter 1');

  // 08:16:40 — reception moves to counter 3 and marks C-001 a no-show.
  await rec.click('a[href="#/counters"].button');
  await rec.click('a.counter-card[data-counter="3"]');
  await rec.waitForSelector('#no-current');
  await rec.click('button[data-action=next]');
  await rec.waitForFunction(() => document.querySelector('#cur-label')?.textContent === 'C-001');
  await rec.click('button[data-action=no-show]');
  await rec.waitForSelector('#no-current');
  const cNow = (await (await srv.staff('rec1')).get('/api/tickets/' + c1.id)).json;
  checkEq(cNow.state, 'no_show', 'C-001 is a no-show on the server');

  // The beneficiary of A-002 rates the service 4.
  checkEq((await srv.req('POST', '/api/ratings', { token: a2.token, score: 4 })).status, 201, 'A-002 rated 4');

  // The research committee decides: under review, then accepted with a note.
  await res.goto(srv.url + '/#/applications/' + app1.id);
  await res.waitForSelector(`tr[data-app="${app2.id}"] .badge.warn`);
  check((await res.textContent(`tr[data-app="${app2.id}"]`)).includes('هوية مكررة'), 'the second application for the same ID is flagged as a duplicate');
  checkEq((await res.textContent(`tr[data-app="${app1.id}"] td.support`)).trim(), 'سلة غذائية', 'the list names the support type (food: سلة غذائية)');
  await res.waitForSelector('section.app dd.v-support_type');
  checkEq((await res.textContent('section.app dd.v-support_type')).trim(), 'سلة غذائية', 'the application panel names the support type');
  await res.waitForSelector('button[data-action=decide]');
  await res.selectOption('select[name=decision]', 'under_review');
  await res.click('button[data-action=decide]');
  await res.waitForSelector('section.app .badge.st-under_review');
  await res.selectOption('select[name=decision]', 'accepted');
  await res.fill('textarea[name=decision-note]', 'مستوفٍ للشروط');
  await res.click('button[data-action=decide]');
  await res.waitForSelector('section.app .badge.st-accepted');
  const decided = (await (await srv.staff('res1')).get('/api/applications/' + app1.id)).json;
  check(decided.status === 'accepted' && decided.note === 'مستوفٍ للشروط', 'the application is accepted with the committee\'s note');

  // The manager (English) sees national IDs masked.
  const mgr = await newPage(browser, srv, 'en');
  check(await mgr.evaluate(() => document.documentElement.dir === 'ltr' && document.documentElement.lang === 'en'), 'English: <html dir=ltr lang=en>');
  await loginAs(mgr, 'mgr1');
  await mgr.waitForSelector(`tr[data-app="${app1.id}"]`);
  const mgrText = await mgr.textContent('main');
  check(!mgrText.includes(nid) && !mgrText.includes('0551234567'), 'the manager\'s application list never shows a full national ID or mobile');
  check(/1•+\d\d/.test(await mgr.textContent(`tr[data-app="${app1.id}"] td.nid`)), 'the manager sees the national ID masked');
  await mgr.click(`tr[data-app="${app1.id}"] a`);
  await mgr.waitForSelector('section.app .v-nid');
  check(!(await mgr.textContent('section.app')).includes(nid) && (await mgr.textContent('section.app')).includes('masked'), 'the manager\'s application view is masked and says so');
  check((await mgr.locator('button[data-action=verify], button[data-action=decide]').count()) === 0, 'the manager gets neither verify nor decide');
  check((await mgr.locator('figure.signature').count()) === 0, 'the manager does not get the signature');

  // The day's report, checked against the script.
  await mgr.click('a[href="#/reports"]');
  await mgr.waitForSelector('#report .stats');
  await mgr.fill('input[name=from]', DAY);
  await mgr.fill('input[name=to]', DAY);
  await mgr.click('form.filters button[type=submit]');
  await mgr.waitForFunction(() => document.querySelector('#by-service tr[data-key="C"]'));
  const cell = (tbl, key, col) => mgr.textContent(`#${tbl} tr[data-key="${key}"] td[data-col="${col}"]`);
  const api = (await (await srv.staff('mgr1')).get('/api/reports/daily?date=' + DAY)).json;
  // Script: A-001 waited 120 s, A-002 900 s, C-001 1000 s; A-001 as D waited 600 s from
  // its original issue time; served 300 s (D) and 100 s (A); one no-show; one rating 4.
  checkEq(await cell('by-service', 'A', 'issued'), '2', 'report: 2 A tickets issued');
  checkEq(await cell('by-service', 'A', 'done'), '1', 'report: 1 A ticket done');
  checkEq(await cell('by-service', 'A', 'transferred'), '1', 'report: 1 A ticket transferred');
  checkEq(await cell('by-service', 'A', 'wait_p50_s'), '2:00', 'report: A wait p50 2:00 (120 s)');
  checkEq(await cell('by-service', 'A', 'wait_p90_s'), '15:00', 'report: A wait p90 15:00 (900 s)');
  checkEq(await cell('by-service', 'A', 'service_mean_s'), '1:40', 'report: A service time 1:40 (100 s)');
  checkEq(await cell('by-service', 'D', 'done'), '1', 'report: 1 D ticket done');
  checkEq(await cell('by-service', 'D', 'service_mean_s'), '5:00', 'report: D service time 5:00 (300 s)');
  checkEq(await cell('by-service', 'C', 'no_show'), '1', 'report: 1 C no-show');
  checkEq(await cell('by-service', 'C', 'wait_p50_s'), '16:40', 'report: C wait 16:40 (1000 s)');
  checkEq(await cell('by-counter', '3', 'no_show'), '1', 'report: the no-show was at counter 3');
  checkEq(await cell('by-counter', '4', 'done'), '1', 'report: counter 4 finished 1');
  checkEq(await cell('by-staff', 'rec1', 'done'), '1', 'report: rec1 finished 1');
  checkEq(await cell('by-staff', 'res1', 'done'), '1', 'report: res1 finished 1');
  checkEq((await mgr.textContent('#st-done .num')).trim(), '2', 'report: 2 tickets done in all');
  checkEq((await mgr.textContent('#st-noshow .num')).trim(), '1', 'report: 1 no-show in all');
  checkEq((await mgr.textContent('#st-rating .num')).trim(), '4 / 5', 'report: satisfaction average 4 / 5');
  checkEq((await mgr.textContent('#apps-summary dd[data-k="accepted"]')).trim(), '1', 'report: 1 application accepted');
  checkEq((await mgr.textContent('#apps-summary dd[data-k="submitted"]')).trim(), '2', 'report: 2 applications submitted');
  checkEq((await mgr.textContent('#apps-by-support dt')).trim(), 'Food basket', 'report: applications by support type, named (the manager reads English)');
  checkEq((await mgr.textContent('#apps-by-support dd[data-support="food"]')).trim(), '2', 'report: 2 food-basket applications');
  checkEq((await mgr.textContent('#st-issued .num')).trim(), String(api.total.issued), 'report: total issued as the server counts it');
  check((await mgr.locator('svg.chart rect.bar').count()) >= 6, 'report: bar charts drawn');

  const [download] = await Promise.all([mgr.waitForEvent('download'), mgr.click('#csv')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  check(csv.startsWith('group,key,issued'), 'CSV downloaded with its header');
  check(/^service,"C",1,1,0,1,/m.test(csv), 'CSV: C issued 1, called 1, done 0, no-show 1');
  check(/^counter,"4",/m.test(csv) && /^staff,"res1",/m.test(csv), 'CSV has counter and staff rows');

  // The admin creates a kiosk token (shown once) and revokes it.
  const adm = await newPage(browser, srv, 'ar');
  await loginAs(adm, 'adm1');
  await adm.click('a[href="#/admin"]');
  await adm.waitForSelector('#devices form');
  await adm.fill('input[name=device-name]', 'kiosk-2');
  await adm.click('#devices form button[type=submit]');
  await adm.waitForSelector('#new-token');
  const token = (await adm.textContent('#new-token')).trim();
  check(/^[0-9a-f]{32,}$/.test(token), 'a new kiosk token is shown once');
  checkEq((await srv.req('GET', '/api/services', undefined, { Authorization: 'Bearer ' + token })).status, 200, 'the new token works');
  adm.once('dialog', (d) => d.accept());
  await adm.click('tr[data-device="kiosk-2"] button[data-action=revoke]');
  await adm.waitForFunction(() => !document.querySelector('tr[data-device="kiosk-2"] button[data-action=revoke]'));
  check(!(await adm.locator('#new-token').count()), 'the token is gone from the page after a reload of the list');
  checkEq((await srv.req('GET', '/api/services', undefined, { Authorization: 'Bearer ' + token })).status, 401, 'the revoked token is refused');

  // A new staff account from the form can log in; counter 5 gets service C too.
  await adm.fill('input[name=new-username]', 'rec2');
  await adm.fill('input[name=new-display]', 'موظف استقبال');
  await adm.fill('input[name=new-password]', 'another-pass-5678');
  await adm.click('#staff form button[type=submit]');
  await adm.waitForSelector('tr[data-user="rec2"]');
  checkEq((await srv.req('POST', '/api/login', { username: 'rec2', password: 'another-pass-5678' })).status, 200, 'the account made in the admin page can log in');
  await adm.check('tr[data-counter="5"] input[data-svc="C"]');
  await adm.click('tr[data-counter="5"] button');
  await adm.waitForSelector('#status.info');
  const c5 = (await (await srv.staff('adm1')).get('/api/counters')).json.counters.find((c) => c.number === 5);
  check(c5 && c5.services.join() === 'C,E', 'counter 5 now serves C and E (' + (c5 && c5.services.join()) + ')');

  // The association's ticker, edited on the admin page, is what /api/info serves.
  const ticker = 'الدوام يوم الخميس حتى الساعة الواحدة ظهراً';
  await adm.fill('textarea[name=assoc-ticker_ar]', ticker);
  await adm.fill('input[name=assoc-phone]', '0112223344');
  await adm.fill('input[name=assoc-name_ar]', 'جمعية الاختبار الخيرية');
  await adm.click('button[data-action=save-association]');
  let info = null;
  for (let i = 0; i < 50 && !(info && info.ticker_ar === ticker); i++) {
    await new Promise((r) => setTimeout(r, 100));
    info = (await srv.req('GET', '/api/info')).json;
  }
  checkEq(info.ticker_ar, ticker, 'the ticker saved on the admin page is served by /api/info');
  checkEq(info.phone, '0112223344', 'and the phone number');
  await adm.reload();
  await adm.waitForSelector('textarea[name=assoc-ticker_ar]');
  checkEq(await adm.inputValue('textarea[name=assoc-ticker_ar]'), ticker, 'the admin page shows the stored ticker after a reload');

  // A server refusal in the user's language: a too-short password.
  await adm.fill('tr[data-user="rec1"] input.pw', 'short');
  await adm.click('tr[data-user="rec1"] button[data-action=reset]');
  await adm.waitForSelector('#status.error');
  check((await adm.textContent('#status')).includes('٨ أحرف'), 'a weak password is refused with the Arabic message');

  // Lost connection: the banner shows while the server is down and goes by itself.
  await rec.goto(srv.url + '/#/counter/1');
  await rec.waitForSelector('#no-current');
  await srv.halt();
  await rec.waitForSelector('#offline:not([hidden])', { timeout: 10000 });
  check(true, 'the lost-connection banner shows when the server stops');
  await srv.start();
  await rec.waitForSelector('#offline', { state: 'hidden', timeout: 15000 });
  check(true, 'the banner goes by itself when the server is back');
  await kiosk.issue('A');
  await rec.waitForSelector('#waiting-list li', { timeout: 5000 });
  check(true, 'after reconnecting, a new ticket still appears live');

  // Kiosk issue -> shown in counter 1's waiting list, five times.
  const lat = [];
  for (let i = 0; i < 5; i++) {
    const before = await rec.locator('#waiting-list li').count();
    const t1 = Date.now();
    await kiosk.issue('A');
    await rec.waitForFunction((n) => document.querySelectorAll('#waiting-list li').length > n, before, { polling: 'raf', timeout: 5000 });
    lat.push(Date.now() - t1);
  }
  lat.sort((x, y) => x - y);
  console.log(`live: kiosk ticket -> counter waiting list: median ${lat[2]} ms, max ${lat[4]} ms (5 tickets)`);
  check(lat[4] < 2000, 'every issued ticket reached the counter page within 2 s');

  // Fifteen days later (by the server's clock; sessions run on real time): the open
  // application is overdue, listed first and flagged; the accepted one is not.
  srv.advance(15 * 86400);
  await res.goto(srv.url + '/#/applications');
  await res.waitForSelector(`tr[data-app="${app2.id}"]`);
  checkEq(await res.getAttribute('tbody tr:first-child', 'data-app'), String(app2.id), 'the overdue application is listed first');
  check((await res.textContent(`tr[data-app="${app2.id}"]`)).includes('متأخر'), 'the overdue application is flagged');
  check(!(await res.textContent(`tr[data-app="${app1.id}"]`)).includes('متأخر'), 'the accepted application is not overdue');
  await res.check('input[name=overdue]');
  await res.waitForFunction((id) => !document.querySelector(`tr[data-app="${id}"]`), app1.id);
  check((await res.locator('tbody tr').count()) === 1, '"overdue only" leaves just the overdue application');

  // Logging out ends the session: a reload stays on the sign-in page.
  await res.click('#logout');
  await res.waitForSelector('form.login');
  await res.reload();
  await res.waitForSelector('form.login');
  check(await res.isHidden('#logout'), 'after logging out, a reload shows the sign-in page');
}

let rc = 1;
try {
  await main();
} catch (e) {
  check(false, 'flow ran to the end: ' + (e.stack || e));
} finally {
  if (browser) await browser.close();
  await srv.stop();
  rc = summary();
}
process.exit(rc);
