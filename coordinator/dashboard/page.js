/*
 * What every view of the dashboard shares: building elements (text always
 * through text nodes, never markup), formatting, and calling the REST API
 * with the operator token when one is kept in this tab's sessionStorage.
 */
/* global document, window, sessionStorage, fetch */

export const TOKEN_KEY = 'centile.operatorToken';

/** An HTML element with attributes and children (elements or strings). */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function fmt(value, digits = 3) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export function when(ms) {
  return typeof ms === 'number' && ms > 0
    ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
    : '—';
}

/** An exact "p/q" (or decimal) string as a number, for display only. */
export function ratio(text) {
  if (typeof text !== 'string') return null;
  const [p, q] = text.split('/');
  const value = q === undefined ? Number(p) : Number(p) / Number(q);
  return Number.isFinite(value) ? value : null;
}

export function table(headers, rows, className) {
  return h('table', { class: className }, [
    h('thead', {}, [
      h(
        'tr',
        {},
        headers.map((text) => h('th', { scope: 'col' }, [text])),
      ),
    ]),
    h('tbody', {}, rows),
  ]);
}

export function row(cells, attributes = {}) {
  return h(
    'tr',
    attributes,
    cells.map((c) => (c instanceof window.Node && c.nodeName === 'TD' ? c : h('td', {}, [c]))),
  );
}

export function section(title, children, className) {
  return h('section', { class: className }, [h('h2', {}, [title]), ...children]);
}

export function note(text) {
  return h('p', { class: 'muted' }, [text]);
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a route of the REST API as JSON; a non-2xx answer becomes an ApiError with its code. */
export async function api(route) {
  const headers = { accept: 'application/json' };
  const operator = token();
  if (operator) headers.authorization = `Bearer ${operator}`;
  const response = await fetch(route, { headers, cache: 'no-store' });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    if (operator && error.code === 'OPERATOR_TOKEN_INVALID') {
      // A wrong token is refused even on public routes: drop it so the public view works.
      sessionStorage.removeItem(TOKEN_KEY);
      renderWho();
    }
    throw new ApiError(
      response.status,
      error.code ?? 'HTTP_' + response.status,
      error.message ?? '',
    );
  }
  return body;
}

export function showAlert(error) {
  const alert = document.getElementById('alert');
  if (error === null) {
    alert.hidden = true;
    alert.textContent = '';
    return;
  }
  alert.hidden = false;
  alert.textContent =
    error instanceof ApiError
      ? `The coordinator answered ${error.status} ${error.code}${error.message ? `: ${error.message}` : ''}.`
      : 'The coordinator could not be reached.';
}

export function renderWho() {
  document.getElementById('who').textContent = token() ? 'operator view' : 'public view';
  document.getElementById('token-forget').hidden = !token();
}
