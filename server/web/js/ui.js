// ui — small DOM helpers shared by the pages: element builder, the status line
// (errors in the user's language, announced to screen readers), and labelled fields.

import { t } from './i18n.js';
import { ApiError } from './api.js';

// h('button', {class: 'x', onclick: fn}, 'text', child...)
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let uid = 0;
// A label + control pair; the label is tied to the control for screen readers.
export function field(label, control) {
  if (!control.id) control.id = 'f' + (++uid);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function select(options, value, attrs = {}) {
  const s = h('select', attrs);
  for (const [v, label] of options) s.append(h('option', { value: v }, label));
  if (value !== undefined) s.value = value;
  return s;
}

// The page's status line: one place for errors and confirmations.
export function showError(e) {
  const box = document.getElementById('status');
  const msg = e instanceof ApiError ? e.text() : String(e && e.message || e);
  box.className = 'status error';
  box.textContent = msg;
  box.hidden = false;
  if (e && e.status !== 0) console.warn('dawr:', e.code || e);
}

export function showInfo(msg) {
  const box = document.getElementById('status');
  box.className = 'status info';
  box.textContent = msg;
  box.hidden = false;
}

export function clearStatus() {
  const box = document.getElementById('status');
  box.hidden = true;
  box.textContent = '';
}

// Runs an action, showing its error if it fails; returns its result or undefined.
// A new action clears the previous message.
export async function act(fn) {
  clearStatus();
  return quiet(fn);
}

// The same for reading: a failure is shown, but a message already on screen (say
// «saved» from the action that caused this reload) stays.
export async function quiet(fn) {
  try { return await fn(); } catch (e) { showError(e); return undefined; }
}

export function badge(text, kind) {
  return h('span', { class: 'badge ' + (kind || '') }, text);
}

export function appStatus(s) { return t('app_status_' + s); }
export function ticketState(s) { return t('st_' + s); }
