// Drives the debug console in Debian's chromium with playwright-core (no browser download): sign
// in, watch app "shop", see a test client's connection, send a test event from the form and see
// it arrive at the client, and never see anything of app "blog".
// Usage: node console-browser.cjs <dir with node_modules/playwright-core> <base url> <admin token>
//          <screenshot dir>
// Apps: shop (shop-key / shop-secret) and blog (blog-key). Prints "ok <check>" per check passed and
// exits 0; on the first failure prints "FAILED <step>: …" and exits 1. Every wait is bounded.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const [installDir, base, token, shots] = process.argv.slice(2);
const { chromium } = require(require.resolve('playwright-core', { paths: [installDir] }));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 10000;
const RUN_LIMIT_MS = 90000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let step = 'start';
const ok = (name) => console.log('ok ' + name);
setTimeout(() => {
  console.log('FAILED ' + step + ': still running after ' + RUN_LIMIT_MS + ' ms');
  process.exit(2);
}, RUN_LIMIT_MS).unref();

/** A Pusher protocol client in a page of its own: a raw WebSocket that records what it gets. */
async function pusherClient(browser, key) {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(base + '/up');
  const wsUrl = base.replace(/^http/, 'ws') + '/app/' + key + '?protocol=7&client=console-it';
  await page.evaluate((url) => new Promise((resolve, reject) => {
    window.received = [];
    const socket = new WebSocket(url);
    window.socket = socket;
    socket.onmessage = (message) => {
      const frame = JSON.parse(message.data);
      window.received.push(frame);
      if (frame.event === 'pusher:connection_established') {
        window.socketId = JSON.parse(frame.data).socket_id;
        resolve();
      }
    };
    socket.onerror = () => reject(new Error('the WebSocket failed'));
  }), wsUrl);
  return {
    page,
    socketId: () => page.evaluate(() => window.socketId),
    send: (frame) => page.evaluate((f) => window.socket.send(JSON.stringify(f)), frame),
    awaitEvent: (event, channel) =>
      page.waitForFunction(([e, c]) => window.received.find((f) => f.event === e && f.channel === c),
        [event, channel]).then((handle) => handle.jsonValue()),
    close: () => page.evaluate(() => window.socket.close(1000, 'done')),
  };
}

async function subscribe(client, channel, auth) {
  await client.send({ event: 'pusher:subscribe', data: { channel, ...auth } });
  await client.awaitEvent('pusher_internal:subscription_succeeded', channel);
}

async function joinPresence(client, channel, secret, userId, userInfo) {
  const socketId = await client.socketId();
  const channelData = JSON.stringify({ user_id: userId, user_info: userInfo });
  const signature = crypto.createHmac('sha256', secret)
    .update(socketId + ':' + channel + ':' + channelData).digest('hex');
  await subscribe(client, channel, { auth: 'shop-key:' + signature, channel_data: channelData });
}

/** Sends a test event through the console API, as the page's form does. */
async function consoleEvent(app, channel, event, data) {
  const response = await fetch(base + '/console/api/apps/' + app + '/events', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, event, data }),
  });
  if (response.status !== 200) throw new Error('test event refused: ' + (await response.text()));
}

async function shoot(page, name) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.dispatchEvent(new Event('resize')));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(shots, name + '-' + size.width + 'x' + size.height + '.png') });
  }
  await page.screenshot({ path: path.join(shots, name + '-' + PHONE.width + 'x' + PHONE.height + '-full.png'), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    step = 'sign in';
    const context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 });
    context.setDefaultTimeout(WAIT_MS);
    const consolePage = await context.newPage();
    consolePage.on('pageerror', (error) => console.log('page error: ' + error.message));
    consolePage.on('console', (m) => { if (m.type() === 'error') console.log('page console: ' + m.text()); });
    await consolePage.goto(base + '/console');
    await consolePage.waitForSelector('#login:not([hidden])');
    await consolePage.fill('#token', 'a-wrong-token-of-length');
    await consolePage.click('#login-form button');
    await consolePage.waitForFunction(() => document.getElementById('login-error').textContent.includes('wrong'));
    ok('a wrong admin token is refused on the login form');
    await shoot(consolePage, 'console-login');
    await consolePage.fill('#token', token);
    await consolePage.click('#login-form button');
    await consolePage.waitForSelector('body[data-state=on][data-app=shop]');
    const stored = await consolePage.evaluate(() => Object.keys(sessionStorage));
    if (consolePage.url().includes(token)) throw new Error('the token is in the URL');
    ok('signed in with the admin token (kept in sessionStorage: ' + stored.join(',') + '); the log of shop is live');

    step = 'connection';
    const client = await pusherClient(browser, 'shop-key');
    const socketId = await client.socketId();
    const blog = await pusherClient(browser, 'blog-key');
    await subscribe(blog, 'blog-news', {});
    await subscribe(client, 'orders', {});
    await joinPresence(client, 'presence-kitchen', 'shop-secret', 'kenji', { name: 'Kenji' });
    await consolePage.waitForSelector(`#log tr[data-type=connection_opened] >> text=${socketId}`);
    await consolePage.waitForSelector('#log tr[data-type=subscribed][data-channel=orders]');
    await consolePage.waitForSelector('#connections[data-count="1"]');
    await consolePage.waitForSelector('#channels [data-channel=orders][data-count="1"]');
    await consolePage.waitForSelector('#channels [data-channel=presence-kitchen] [data-member=kenji]');
    ok('the console shows the test client\'s connection ' + socketId + ', its channels and the presence member');

    step = 'test event';
    await consolePage.fill('#send-channel', 'orders');
    await consolePage.fill('#send-event', 'order-placed');
    await consolePage.fill('#send-data', '{"id":42,"items":["pizza"]}');
    await consolePage.click('#test-event button[type=submit]');
    await consolePage.waitForSelector('#send-result[data-ok=true]');
    const delivered = await client.awaitEvent('order-placed', 'orders');
    if (delivered.data !== '{"id":42,"items":["pizza"]}') throw new Error('data was ' + delivered.data);
    await consolePage.waitForSelector('#log tr[data-type=api_event][data-event=order-placed]');
    ok('the test event sent from the form arrived at the subscribed client and in the log');

    step = 'isolation';
    await consoleEvent('blog', 'blog-news', 'blog-secret-event', '{"leak":true}');
    await blog.awaitEvent('blog-secret-event', 'blog-news');
    await consoleEvent('shop', 'orders', 'after-blog', '{}');
    await client.awaitEvent('after-blog', 'orders');
    await consolePage.waitForSelector('#log tr[data-event=after-blog]');
    const leaked = await consolePage.evaluate(() => document.body.innerText.includes('blog-'));
    if (leaked) throw new Error('the log of shop shows something of blog');
    ok('the log of shop shows nothing of app blog\'s connection, channel or event');

    step = 'filter and pause';
    await consolePage.fill('#filter-event', 'order-placed');
    await consolePage.waitForFunction(() => [...document.querySelectorAll('#log tr')].every((r) => r.dataset.event === 'order-placed'));
    await consolePage.fill('#filter-event', '');
    await consolePage.click('#pause');
    await consoleEvent('shop', 'orders', 'while-paused', '{}');
    await client.awaitEvent('while-paused', 'orders');
    await consolePage.waitForFunction(() => document.getElementById('log-status').textContent.includes('1 new'));
    if (await consolePage.$('#log tr[data-event=while-paused]')) throw new Error('a paused log took a row');
    await consolePage.click('#pause');
    await consolePage.waitForSelector('#log tr[data-event=while-paused]');
    ok('the log filters by event name, and holds new rows while paused until resumed');

    step = 'traffic';
    for (let i = 0; i < 12; i++) {
      await consoleEvent('shop', i % 2 ? 'presence-kitchen' : 'orders', i % 2 ? 'ticket-updated' : 'order-status', JSON.stringify({ id: 100 + i, status: 'preparing' }));
      await consolePage.waitForTimeout(120); // spread the traffic over the chart's seconds (not a test wait)
    }
    await consolePage.waitForFunction(() => Number(document.getElementById('rate').textContent) > 0 || document.querySelectorAll('#log tr').length > 14);

    step = 'disconnect';
    const stays = await pusherClient(browser, 'shop-key');
    await subscribe(stays, 'orders', {});
    await joinPresence(stays, 'presence-kitchen', 'shop-secret', 'maria', { name: 'Maria' });
    await consolePage.waitForSelector('#connections[data-count="2"]');
    await client.close();
    await consolePage.waitForSelector(`#log tr[data-type=connection_closed] >> text=${socketId}`);
    const code = await consolePage.textContent('#log tr[data-type=connection_closed] .code');
    await consolePage.waitForSelector('#connections[data-count="1"]');
    ok('the disconnect shows in the log with its code (' + code + '), and the count drops to 1');

    await shoot(consolePage, 'console');
    ok('screenshots at 1280x800 and 390x844');

    console.log('browser run took ' + (Date.now() - started) + ' ms');
    console.log('done');
  } catch (error) {
    console.log('FAILED ' + step + ': ' + (error && error.stack ? error.stack : error));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
