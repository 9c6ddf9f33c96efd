// lib — what the console's browser tests share: a real dawr-server on a temp
// database, a free loopback port and a scripted clock; users and devices made with
// its command line; kiosk and staff calls over HTTP; Debian's Chromium driven by
// playwright-core (never a downloaded browser); axe-core run inside the page; and a
// tiny check/report harness that ends with "N passed, N failed".

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRC = process.env.DAWR_SRC || path.resolve(here, '../..');
export const BUILD = process.env.DAWR_BUILD || path.join(SRC, 'build');
export const SERVER = path.join(BUILD, 'server', 'dawr-server');
export const CHROMIUM = process.env.DAWR_CHROMIUM || '/usr/bin/chromium';
export const PASSWORD = 'console-pass-1234';

export function skip(msg) { console.log('SKIP:', msg); process.exit(77); }

let passed = 0, failed = 0;
export function check(cond, msg) {
  if (cond) { passed++; console.log('ok -', msg); }
  else { failed++; console.log('FAIL -', msg); }
  return !!cond;
}
export function checkEq(got, want, msg) {
  return check(got === want, `${msg} (got ${JSON.stringify(got)}, want ${JSON.stringify(want)})`);
}
export function summary() {
  console.log(`web: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

// A dawr-server whose clock is the number in a file, so a day can be scripted.
export class Server {
  constructor(startAt) {
    if (!fs.existsSync(SERVER)) skip('dawr-server not built at ' + SERVER);
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dawr-web-'));
    this.db = path.join(this.tmp, 'dawr.db');
    this.clockFile = path.join(this.tmp, 'clock');
    this.logFile = path.join(this.tmp, 'server.log');
    this.now = startAt;
    if (startAt) this.setClock(startAt);
    fs.writeFileSync(path.join(this.tmp, 'dawr.ini'),
      `[server]\nweb_root = ${path.join(SRC, 'server', 'web')}\n`);
  }

  env() {
    const e = { ...process.env };
    if (this.now) e.DAWR_TEST_NOW_FILE = this.clockFile;
    return e;
  }

  setClock(t) {
    this.now = t;
    fs.writeFileSync(this.clockFile + '.new', `${t}\n`);
    fs.renameSync(this.clockFile + '.new', this.clockFile);
  }
  advance(sec) { this.setClock(this.now + sec); }

  cmd(args, input) {
    const r = spawnSync(SERVER, ['--db', this.db, ...args], { input: input || '', env: this.env(), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`dawr-server ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }
  addUser(name, role) { this.cmd(['user', 'add', name, '--role', role, '--display-name', name], PASSWORD + '\n'); }
  addDevice(name, kind) {
    const out = this.cmd(['device', 'add', name, '--kind', kind]).trim().split('\n');
    return out[out.length - 1].trim().split(/\s+/).pop();
  }

  // Starts (or restarts, on the same port and database) the server.
  async start() {
    this.port = this.port || await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    const log = fs.openSync(this.logFile, 'a');
    this.proc = spawn(SERVER, ['--config', path.join(this.tmp, 'dawr.ini'), '--db', this.db,
      '--listen', `127.0.0.1:${this.port}`], { env: this.env(), stdio: ['ignore', 'ignore', log] });
    fs.closeSync(log);
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      try { if ((await fetch(this.url + '/healthz')).ok) return this; } catch (e) { /* not yet */ }
      if (this.proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('server did not start: ' + fs.readFileSync(this.logFile, 'utf8').slice(-2000));
  }

  async halt() {
    if (this.proc && this.proc.exitCode === null) {
      const done = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await done;
    }
  }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      const done = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
    const log = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
    check(!/Sanitizer|runtime error:/.test(log), 'no sanitizer report in the server log');
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  async req(method, p, body, headers = {}) {
    const h = { ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const r = await fetch(this.url + p, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: r.status, json, text, headers: r.headers };
  }

  kiosk(token) {
    let n = 0;
    const auth = (extra) => ({ Authorization: 'Bearer ' + token, 'Idempotency-Key': `k-${Date.now()}-${++n}`, ...extra });
    return {
      issue: (service, extra = {}) => this.req('POST', '/api/tickets', { service, priority: false, ...extra }, auth()),
      apply: (form) => this.req('POST', '/api/applications', form, auth()),
    };
  }

  async staff(username) {
    const r = await this.req('POST', '/api/login', { username, password: PASSWORD });
    if (r.status !== 200) throw new Error('login ' + username + ': ' + r.text);
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const csrf = r.json.csrf;
    return {
      get: (p) => this.req('GET', p, undefined, { Cookie: cookie }),
      post: (p, b = {}) => this.req('POST', p, b, { Cookie: cookie, 'X-CSRF-Token': csrf }),
      put: (p, b = {}) => this.req('PUT', p, b, { Cookie: cookie, 'X-CSRF-Token': csrf }),
    };
  }
}

// A valid national ID (first digit 1 citizen / 2 resident, Luhn-style check digit).
export function nationalId(first, body8) {
  const base = String(first) + body8;
  for (let c = 0; c < 10; c++) {
    const s = base + c;
    let sum = 0;
    for (let i = 0; i < 10; i++) {
      let d = +s[i];
      if (i % 2 === 0) { d *= 2; d = Math.floor(d / 10) + (d % 10); }
      sum += d;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('no check digit');
}

export function applicationForm(nid, extra = {}) {
  return {
    name: 'سارة عبدالرحمن علي الزهراني', nid, mobile: '0551234567', city: 'الرياض', district: 'الملز',
    family_members: 4, income: 2500, housing: 'rented', support_type: 'food', notes: '', declaration: true, ...extra,
  };
}

// A small grey-scale PNG of a scribbled signature (base64), as the kiosk sends it.
export function signaturePng(w = 240, h = 70) {
  const rows = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) rows[y * (w + 1)] = 0; // filter byte: none
  for (let x = 10; x < w - 10; x++) {
    const y = Math.round(h / 2 + Math.sin(x / 9) * (h / 4) * Math.cos(x / 37));
    for (let d = -1; d <= 1; d++) rows[(y + d) * (w + 1) + 1 + x] = 20;
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]).toString('base64');
}

// Debian's Chromium with the flags this machine needs; Playwright gives every
// launch a fresh temporary profile (--user-data-dir).
export async function launch() {
  if (!fs.existsSync(CHROMIUM)) skip('no Chromium at ' + CHROMIUM);
  let pw;
  try { pw = await import('playwright-core'); } catch (e) { skip('playwright-core not installed (run scripts/install-npm)'); }
  return pw.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser, srv, lang = 'ar', viewport = { width: 1366, height: 768 }) {
  const ctx = await browser.newContext({ viewport, locale: lang === 'ar' ? 'ar-SA' : 'en-US', acceptDownloads: true });
  await ctx.addInitScript((l) => { localStorage.setItem('dawr.lang', l); }, lang);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => check(false, 'no script error in the page: ' + e.message));
  await page.goto(srv.url + '/');
  return page;
}

export async function loginAs(page, username) {
  await page.waitForSelector('form.login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('form.login button[type=submit]');
  await page.waitForSelector('#logout:not([hidden])');
}

const AXE = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
// axe-core inside Chromium; returns the serious and critical violations.
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Looks for elements that overlap each other (text boxes cut by other boxes) among
// visible leaf-ish elements; returns a few descriptions.
export async function overlaps(page) {
  return page.evaluate(() => {
    const els = [...document.querySelectorAll('button, a, input, select, textarea, label, h1, h2, h3, dt, dd, td, th, .badge, .label, .num, li > span')]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; });
    const out = [];
    for (let i = 0; i < els.length && out.length < 5; i++) {
      const a = els[i].getBoundingClientRect();
      for (let j = i + 1; j < els.length; j++) {
        if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;
        const b = els[j].getBoundingClientRect();
        const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ox > 2 && oy > 2) { out.push(`${els[i].tagName}.${els[i].className} "${els[i].textContent.slice(0, 20)}" x ${els[j].tagName}.${els[j].className} "${els[j].textContent.slice(0, 20)}"`); break; }
      }
    }
    return out;
  });
}
