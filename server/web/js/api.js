// api — the one way the console talks to dawr-server: JSON requests with the CSRF
// token on every state change, errors carried in both languages, the live event
// stream (EventSource, which resumes by itself with Last-Event-ID), and the
// connection state that drives the "connection lost" banner.

import { getLang, t } from './i18n.js';

export const session = { user: null, csrf: null };

// An error the server explained (message_ar/message_en) or a network failure.
export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message_en || body.error)) || 'error ' + status);
    this.status = status;
    this.body = body || {};
    this.code = this.body.error || (status === 0 ? 'network' : 'http_' + status);
  }
  // The message in the user's language.
  text() {
    if (this.status === 0) return t('network_error');
    const b = this.body;
    return (getLang() === 'ar' ? b.message_ar : b.message_en) || b.message_en || b.message_ar || this.message;
  }
}

const listeners = new Set();     // fn(type, data)
const connListeners = new Set(); // fn(online)
let online = true;
let source = null;
let probe = null;

function setOnline(v) {
  if (v === online) return;
  online = v;
  for (const fn of connListeners) fn(v);
  if (!v) startProbe();
}

// While a request has failed for lack of a connection and no stream says otherwise,
// ask /healthz every two seconds until the server answers again.
function startProbe() {
  if (probe) return;
  probe = setInterval(async () => {
    try {
      const r = await fetch('/healthz', { cache: 'no-store' });
      if (r.ok) { clearInterval(probe); probe = null; setOnline(true); }
    } catch (e) { /* still down */ }
  }, 2000);
}

// The desk computer's clock may be off: the server's Date header (1 s resolution)
// corrects the waiting times counted on screen when the gap exceeds 2 s.
let clockOffset = 0;
function noteServerDate(res) {
  const d = Date.parse(res.headers.get('Date') || '');
  if (!Number.isNaN(d)) {
    const off = d - Date.now();
    clockOffset = Math.abs(off) > 2000 ? off : 0;
  }
}
export function serverNow() { return Date.now() + clockOffset; }

export function onConnection(fn) { connListeners.add(fn); return () => connListeners.delete(fn); }
export function isOnline() { return online; }

export async function request(method, path, body, opts = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf;
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    setOnline(false);
    throw new ApiError(0, null);
  }
  setOnline(true);
  noteServerDate(res);
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!res.ok) {
    if (res.status === 401 && !opts.noAuthRedirect && session.user) {
      session.user = null;
      session.csrf = null;
      location.hash = '#/login';
    }
    throw new ApiError(res.status, data);
  }
  return data;
}

export const get = (p, o) => request('GET', p, undefined, o);
export const post = (p, b) => request('POST', p, b === undefined ? {} : b);
export const put = (p, b) => request('PUT', p, b);
export const patch = (p, b) => request('PATCH', p, b);
export const del = (p) => request('DELETE', p);

export async function login(username, password) {
  const r = await request('POST', '/api/login', { username, password }, { noAuthRedirect: true });
  session.user = r.user;
  session.csrf = r.csrf;
  return r.user;
}

export async function restore() {
  try {
    const r = await get('/api/me', { noAuthRedirect: true });
    session.user = r.user;
    session.csrf = r.csrf;
  } catch (e) {
    if (e.status === 0) throw e;
    session.user = null;
  }
  return session.user;
}

export async function logout() {
  try { await post('/api/logout'); } catch (e) { /* the session ends either way */ }
  closeEvents();
  session.user = null;
  session.csrf = null;
}

// Live events: one EventSource for the whole console; pages subscribe with onEvent.
const TYPES = ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.serving',
  'ticket.done', 'ticket.no_show', 'ticket.restored', 'ticket.transferred',
  'ticket.cancelled', 'counter.opened', 'counter.closed', 'counter.updated',
  'service.updated', 'staff.updated', 'device.updated', 'application.created',
  'application.status', 'application.linked', 'rating.added', 'association.updated',
  'device.status'];

export function openEvents() {
  if (source) return;
  source = new EventSource('/api/events');
  for (const type of TYPES) {
    source.addEventListener(type, (ev) => {
      let data = null;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      for (const fn of listeners) fn(type, data);
    });
  }
  source.onopen = () => {
    const was = online;
    setOnline(true);
    // Events missed while down are replayed through Last-Event-ID; pages also
    // reload their lists so nothing stale stays on screen.
    if (!was) for (const fn of listeners) fn('reconnected', null);
  };
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      // The server refused the stream (e.g. session ended): try again later.
      source = null;
      setOnline(false);
      setTimeout(() => { if (session.user) openEvents(); }, 3000);
    } else {
      setOnline(false);
    }
  };
}

export function closeEvents() {
  if (source) { source.close(); source = null; }
}

export function onEvent(fn) { listeners.add(fn); return () => listeners.delete(fn); }
