// login page — username and password; the server sets the session cookie and
// returns the CSRF token that api.js sends with every change.

import { t } from '../i18n.js';
import { login } from '../api.js';
import { h, field, act } from '../ui.js';

export function render(view) {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, dir: 'ltr' });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, dir: 'ltr' });
  const form = h('form', { class: 'card login', onsubmit: async (ev) => {
    ev.preventDefault();
    const u = await act(() => login(user.value.trim(), pass.value));
    if (u) location.hash = '#/';
  } },
  h('h1', null, t('login_title')),
  field(t('username'), user),
  field(t('password'), pass),
  h('button', { type: 'submit', class: 'primary' }, t('login')));
  view.append(form);
  user.focus();
}
