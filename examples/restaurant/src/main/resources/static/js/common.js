// What every page of the demo shares: the session, the API with its CSRF token, Laravel Echo
// connected to the embedded Herald, the top bar, and small DOM helpers.
'use strict';

const Demo = (() => {
  let session = null;

  /** Builds an element: el('li', {class: 'x', onclick: f}, 'text', child). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Calls the app's API; rejects with the server's message on an error status. */
  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (session) headers['X-CSRF-TOKEN'] = session.csrf_token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      location.href = '/login.html';
      throw new Error('signed out');
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && (json.message || json.error)) || response.status + ' ' + response.statusText);
    }
    return json;
  }

  /** Laravel Echo on pusher-js, pointed at the embedded Herald; auth goes to the starter. */
  function connectEcho(herald) {
    const echo = new Echo.default({
      broadcaster: 'pusher',
      key: herald.key,
      cluster: 'mt1',
      wsHost: herald.ws_host,
      wsPort: herald.ws_port,
      forceTLS: false,
      enabledTransports: ['ws'],
      authEndpoint: '/broadcasting/auth',
      // Sent as X-CSRF-TOKEN with every /broadcasting/auth request.
      csrfToken: session.csrf_token,
    });
    const badge = document.getElementById('connection');
    const show = (state) => {
      if (!badge) return;
      badge.dataset.state = state;
      badge.textContent = state === 'connected' ? 'live' : state;
    };
    echo.connector.pusher.connection.bind('state_change', (states) => show(states.current));
    show(echo.connector.pusher.connection.state);
    return echo;
  }

  /** The top bar: brand, page title, the connection badge, who is signed in, sign out. */
  function renderTopbar(title) {
    const user = session.user;
    const bar = el('header', { class: 'topbar' },
      el('a', { class: 'brand', href: '/' }, el('span', { class: 'brand-mark' }, 'H'), 'Herald Eats'),
      el('span', { class: 'page-title' }, title),
      el('span', { class: 'spacer' }),
      el('span', { class: 'conn', id: 'connection', 'data-state': 'connecting' }, 'connecting'),
      el('span', { class: 'who' },
        el('span', { class: 'name', 'data-testid': 'signed-in-as' }, user.name + ' · ' + user.role.toLowerCase()),
        el('form', { method: 'post', action: '/logout' },
          el('input', { type: 'hidden', name: '_csrf', value: session.csrf_token }),
          el('button', { class: 'link-button', type: 'submit' }, 'Sign out'))));
    document.body.prepend(bar);
  }

  /** Loads the session, draws the top bar, connects Echo. Resolves to {session, echo}. */
  async function start(title) {
    session = await api('GET', '/api/session');
    renderTopbar(title);
    const echo = connectEcho(session.herald);
    return { session, echo };
  }

  const money = (amount) => '$' + Number(amount).toFixed(2);

  const STATUS_LABELS = {
    placed: 'Placed',
    preparing: 'Preparing',
    ready: 'Ready for pickup',
    out_for_delivery: 'Out for delivery',
    delivered: 'Delivered',
  };
  const STATUSES = Object.keys(STATUS_LABELS);

  const time = (iso) =>
    new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

  const initials = (name) => name.split(/\s+/).map((part) => part[0]).join('').slice(0, 2).toUpperCase();

  /** A query parameter as a number, or null. */
  function numberParam(name) {
    const value = new URLSearchParams(location.search).get(name);
    return value === null || value === '' ? null : Number(value);
  }

  return { el, api, start, money, time, initials, numberParam, STATUS_LABELS, STATUSES };
})();
