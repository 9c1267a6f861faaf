// The Herald debug console: pick an app, watch its connections, channels and events live, and
// send a test event. Talks to /console/api/… with the admin token (kept in sessionStorage) as
// "Authorization: Bearer"; the live log streams over fetch() (see stream.js).
'use strict';

const MAX_ROWS = 500;
const SNAPSHOT_MS = 1000;
const TOKEN_KEY = 'herald.console.token';
const $ = (id) => document.getElementById(id);

const state = {
  loginRequired: false,
  appId: null,
  stream: null,
  timer: null,
  entries: [], // the newest MAX_ROWS monitor events, oldest first
  paused: false,
  missedWhilePaused: 0,
  dropped: 0,
  last: null, // the previous snapshot's { time, delivered }
  chart: null,
};

function headers() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: 'Bearer ' + token } : {};
}

async function api(path, options = {}) {
  const response = await fetch('api/' + path, {
    ...options,
    cache: 'no-store',
    headers: { ...headers(), ...(options.headers || {}) },
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    showLogin(body.error);
    throw Object.assign(new Error(body.error || 'unauthorized'), { unauthorized: true });
  }
  if (!response.ok) throw new Error(body.error || 'HTTP ' + response.status);
  return body;
}

function showLogin(message) {
  stopApp();
  sessionStorage.removeItem(TOKEN_KEY);
  $('board').hidden = true;
  $('login').hidden = false;
  $('sign-out').hidden = true;
  $('app').disabled = true;
  $('login-error').textContent = state.loginRequired && message ? message : '';
  if (!state.loginRequired && message) fatal(message);
  document.body.dataset.state = 'login';
  $('token').focus();
}

/** A failure the login form has not already shown. */
function failed(error) {
  if (!error.unauthorized) fatal(error.message);
}

function fatal(message) {
  $('login').hidden = true;
  $('fatal').hidden = false;
  $('fatal').textContent = message;
}

async function start() {
  const session = await api('session');
  state.loginRequired = session.login_required;
  if (state.loginRequired && !sessionStorage.getItem(TOKEN_KEY)) {
    showLogin('');
    return;
  }
  const { apps } = await api('apps');
  $('login').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = !state.loginRequired;
  const select = $('app');
  select.replaceChildren(
    ...apps.map((app) => new Option(app.id + (app.enabled ? '' : ' (disabled)'), app.id)));
  select.disabled = apps.length === 0;
  const wanted = new URLSearchParams(location.hash.slice(1)).get('app');
  if (apps.some((app) => app.id === wanted)) select.value = wanted;
  if (apps.length) watch(select.value);
  else fatal('This server has no apps.');
}

function stopApp() {
  if (state.stream) state.stream.close();
  clearInterval(state.timer);
  state.stream = null;
  state.timer = null;
}

function watch(appId) {
  stopApp();
  state.appId = appId;
  state.entries = [];
  state.dropped = 0;
  state.missedWhilePaused = 0;
  state.last = null;
  state.chart.reset();
  history.replaceState(null, '', '#app=' + encodeURIComponent(appId));
  document.body.dataset.app = appId;
  renderLog();
  setLive('off', 'connecting');
  const path = 'api/apps/' + encodeURIComponent(appId);
  state.stream = HeraldStream.open(path + '/stream', headers(), {
    onEvent: (event) => received(appId, event),
    onState: (live, detail) => setLive(live === 'on' && state.paused ? 'paused' : live, detail),
    onUnauthorized: (message) => showLogin(message),
  });
  refresh();
  state.timer = setInterval(refresh, SNAPSHOT_MS);
}

function setLive(live, detail) {
  const pill = $('live');
  pill.dataset.live = live;
  pill.textContent = { on: 'live', paused: 'paused', retrying: 'reconnecting…', off: detail || 'offline' }[live];
  pill.title = detail || '';
  document.body.dataset.state = live;
}

async function refresh() {
  const appId = state.appId;
  let snapshot;
  try {
    snapshot = await api('apps/' + encodeURIComponent(appId));
  } catch (error) {
    return; // the next tick tries again; a 401 already showed the login
  }
  if (appId !== state.appId) return;
  $('connections').textContent = snapshot.connections;
  $('connections').dataset.count = snapshot.connections;
  $('channel-count').textContent = snapshot.channels_total;
  const delivered = snapshot.messages.delivered + snapshot.messages.received;
  if (state.last) {
    const seconds = Math.max(0.001, (snapshot.time - state.last.time) / 1000);
    const rate = Math.max(0, (delivered - state.last.delivered) / seconds);
    state.chart.push(rate);
    // The figure is the last three seconds' average, so that one quiet second does not read 0.
    const recent = state.chart.values.slice(-3);
    $('rate').textContent = formatRate(recent.reduce((a, b) => a + b, 0) / recent.length);
  }
  state.last = { time: snapshot.time, delivered };
  renderChannels(snapshot);
}

function renderChannels(snapshot) {
  const list = $('channels');
  list.replaceChildren(
    ...snapshot.channels.map((channel) => {
      const item = el('li', { 'data-channel': channel.name, 'data-count': channel.subscription_count });
      const row = el('div', { class: 'channel-row' });
      row.append(el('span', { class: 'channel-name' }, channel.name));
      const counts = plural(channel.subscription_count, 'subscriber') +
        (channel.user_count !== undefined ? ' · ' + plural(channel.user_count, 'member') : '');
      row.append(el('span', { class: 'count' }, counts));
      item.append(row);
      if (channel.members && channel.members.length) {
        const members = el('div', { class: 'members' });
        for (const member of channel.members) {
          const name = member.user_info && member.user_info.name ? member.user_info.name : member.user_id;
          members.append(el('span', { class: 'member', 'data-member': member.user_id, title: member.user_id }, name));
        }
        item.append(members);
      }
      return item;
    }));
  const more = snapshot.channels_total - snapshot.channels.length;
  $('no-channels').hidden = snapshot.channels_total > 0 && more <= 0;
  $('no-channels').textContent = snapshot.channels_total === 0 ? 'No occupied channels.' : more + ' more not shown.';
}

function received(appId, event) {
  if (appId !== state.appId) return;
  if (event.type === 'monitor_started') {
    setLive(state.paused ? 'paused' : 'on'); // the server's viewer is in place: nothing is missed
    return;
  }
  if (event.type === 'dropped') {
    state.dropped += event.count;
  } else {
    state.entries.push(event);
    if (state.entries.length > MAX_ROWS) state.entries.shift();
  }
  if (state.paused) {
    state.missedWhilePaused++;
    renderStatus();
    return;
  }
  if (event.type !== 'dropped' && matches(event)) {
    const body = $('log');
    body.prepend(row(event));
    while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  }
  renderStatus();
}

function matches(event) {
  const channel = $('filter-channel').value.trim().toLowerCase();
  const name = $('filter-event').value.trim().toLowerCase();
  if (channel && !(event.channel || '').toLowerCase().includes(channel)) return false;
  if (name && !(event.event || '').toLowerCase().includes(name)) return false;
  return true;
}

function renderLog() {
  const rows = state.entries.filter(matches).reverse().map(row);
  $('log').replaceChildren(...rows);
  renderStatus();
}

function renderStatus() {
  const shown = $('log').rows.length;
  let text = shown ? shown + ' of the last ' + state.entries.length + ' events shown' : 'Waiting for events…';
  if (state.paused) text = 'Paused · ' + state.missedWhilePaused + ' new events kept for later';
  if (state.dropped) text += ' · ' + state.dropped + ' dropped by the server (viewer fell behind)';
  $('log-status').textContent = text;
}

const KINDS = {
  connection_opened: 'connect', connection_closed: 'disconnect', subscribed: 'subscribe',
  unsubscribed: 'subscribe', api_event: 'api', client_event: 'client', member_added: 'subscribe',
  member_removed: 'subscribe', webhook_delivered: 'api', webhook_failed: 'disconnect',
};

function row(event) {
  const tr = el('tr', { 'data-type': event.type, 'data-channel': event.channel || '', 'data-event': event.event || '' });
  tr.append(el('td', { class: 'time' }, new Date(event.time).toLocaleTimeString([], { hour12: false }) +
    '.' + String(event.time % 1000).padStart(3, '0')));
  const type = el('td', { class: 'what' });
  type.append(el('span', { class: 'type', 'data-kind': KINDS[event.type] || 'other' }, event.type.replace(/_/g, ' ')));
  tr.append(type, el('td', { class: 'channel' }, event.channel || ''));
  const details = el('td', { class: 'details' });
  if (event.event) details.append(el('span', { class: 'event-name' }, event.event), ' ');
  if (event.type === 'connection_closed' && event.reason) {
    const code = /^\d{4}/.exec(event.reason);
    if (code) details.append(el('span', { class: 'code', 'data-code': code[0] }, code[0]), ' ');
    details.append(event.reason.replace(/^\d{4}\s*/, ''), ' ');
  }
  const extra = [];
  if (event.data !== undefined) extra.push(event.data);
  if (event.user_id) extra.push('user ' + event.user_id);
  if (event.socket_id) extra.push('socket ' + event.socket_id);
  if (event.except) extra.push('except ' + event.except);
  if (event.count !== undefined) extra.push('count ' + event.count);
  if (event.host) extra.push(event.host + ': ' + event.events + ' events, ' + event.attempts + ' attempts' +
    (event.answer ? ', last answer ' + event.answer : ''));
  details.append(extra.join(' · '));
  tr.append(details);
  return tr;
}

async function sendTestEvent(submit) {
  submit.preventDefault();
  const result = $('send-result');
  result.textContent = 'Sending…';
  delete result.dataset.ok;
  try {
    await api('apps/' + encodeURIComponent(state.appId) + '/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: $('send-channel').value.trim(), event: $('send-event').value.trim(), data: $('send-data').value }),
    });
    result.textContent = 'Sent to ' + $('send-channel').value.trim();
    result.dataset.ok = 'true';
  } catch (error) {
    result.textContent = error.message;
    result.dataset.ok = 'false';
  }
}

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

document.addEventListener('DOMContentLoaded', () => {
  state.chart = new RateChart($('chart'));
  $('app').addEventListener('change', (e) => watch(e.target.value));
  $('filter-channel').addEventListener('input', renderLog);
  $('filter-event').addEventListener('input', renderLog);
  $('pause').addEventListener('click', () => {
    state.paused = !state.paused;
    state.missedWhilePaused = 0;
    $('pause').setAttribute('aria-pressed', String(state.paused));
    $('pause').textContent = state.paused ? 'Resume' : 'Pause';
    if (state.stream) setLive(state.paused ? 'paused' : 'on');
    if (!state.paused) renderLog();
    else renderStatus();
  });
  $('clear').addEventListener('click', () => {
    state.entries = [];
    state.dropped = 0;
    renderLog();
  });
  $('test-event').addEventListener('submit', sendTestEvent);
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    start().catch(failed);
  });
  $('sign-out').addEventListener('click', () => showLogin(''));
  window.addEventListener('resize', () => state.chart.draw());
  start().catch(failed);
});
