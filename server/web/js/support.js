// support — the kinds of support an application asks for, as the server lists them
// (GET /api/support-types): loaded once per page visit, then a code is shown by its
// name in the console's language. An unknown code (a type removed from the list
// after the application was made) shows as itself.

import { pick } from './i18n.js';
import { get } from './api.js';

let types = null;

export async function loadSupportTypes() {
  try {
    types = await get('/api/support-types');
  } catch (e) {
    types = types || [];
  }
  return types;
}

export function supportName(code) {
  const x = (types || []).find((s) => s.code === code);
  return x ? pick(x, 'name') : code;
}
