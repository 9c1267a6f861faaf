// Drives the restaurant demo in Debian's chromium with playwright-core (no browser download):
// a customer orders, the kitchen cooks, a driver delivers, and every page must follow live.
// Usage: node restaurant-browser.cjs <base url> <screenshot dir>
// Prints "ok <check>" per check passed and exits 0; on the first failure prints "FAILED <check>: …"
// and exits 1. Every wait is bounded; the whole run is cut off after RUN_LIMIT_MS.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, shots] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 15000;
const RUN_LIMIT_MS = 150000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

setTimeout(() => {
  console.log('FAILED run: still running after ' + RUN_LIMIT_MS + ' ms');
  process.exit(2);
}, RUN_LIMIT_MS).unref();

let step = 'start';
const ok = (name) => console.log('ok ' + name);

async function signIn(browser, user, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log('page error (' + user + '): ' + error.message));
  await page.goto(base + '/login.html');
  await page.waitForFunction(() => document.getElementById('csrf').value !== '');
  await page.fill('#username', user);
  await page.fill('#password', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

async function shoot(page, name) {
  const viewport = page.viewportSize();
  await page.screenshot({ path: path.join(shots, name + '-' + viewport.width + 'x' + viewport.height + '.png') });
}

/** Screenshots of one page at the desktop and the phone size, back at its own size after. */
async function shootBoth(page, name) {
  const own = page.viewportSize();
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150); // let the layout settle before the picture (not a test wait)
    await shoot(page, name);
  }
  await page.setViewportSize(own);
}

async function statusIs(page, status) {
  await page.waitForSelector(`[data-testid=order-status][data-status="${status}"]`);
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    step = 'sign in';
    const kitchen = await signIn(browser, 'kenji', DESKTOP);
    await kitchen.waitForURL('**/kitchen.html');
    const colleague = await signIn(browser, 'maria', DESKTOP);
    await colleague.waitForURL('**/kitchen.html');
    const driver = await signIn(browser, 'dave', PHONE);
    await driver.waitForURL('**/driver.html');
    const customer = await signIn(browser, 'alice', DESKTOP);
    await customer.waitForURL('**/customer.html');
    await customer.waitForSelector('body[data-subscription=subscribed]');
    ok('signed in as a customer, two cooks and a driver; the customer is subscribed to her channel');

    step = 'presence';
    await kitchen.waitForSelector('[data-testid=on-duty] [data-member=kenji]');
    await kitchen.waitForSelector('[data-testid=on-duty] [data-member=maria]');
    ok('the kitchen display lists the staff on duty from the presence channel');

    step = 'place an order';
    await customer.click('[data-testid=add-11]');
    await customer.click('[data-testid=add-11]');
    await customer.click('[data-testid=add-13]');
    await customer.fill('#note', 'Extra basil please');
    await customer.click('[data-testid=place-order]');
    await statusIs(customer, 'placed');
    const title = await customer.textContent('#tracker-title');
    const number = title.split(' ')[0];
    ok('the customer placed ' + number);

    step = 'kitchen sees the new order';
    const ticket = `[data-order-number="${number}"]`;
    await kitchen.waitForSelector(`[data-testid=column-placed] ${ticket}`);
    await colleague.waitForSelector(`[data-testid=column-placed] ${ticket}`);
    const orderId = (await kitchen.getAttribute(ticket, 'data-testid')).replace('ticket-', '');
    ok('the new order appeared on both kitchen displays');

    step = 'kitchen: preparing';
    await kitchen.click(`[data-testid=advance-${orderId}]`);
    await kitchen.waitForSelector(`[data-testid=column-preparing] ${ticket}`);
    await statusIs(customer, 'preparing');
    ok('preparing: the ticket moved and the tracker followed');

    step = 'kitchen: ready';
    await colleague.click(`[data-testid=advance-${orderId}]`);
    await kitchen.waitForSelector(`[data-testid=column-ready] ${ticket}`);
    await statusIs(customer, 'ready');
    ok('ready: the ticket moved and the tracker followed');

    step = 'a second customer orders';
    const bob = await signIn(browser, 'bob', PHONE);
    await bob.waitForSelector('body[data-subscription=subscribed]');
    await bob.click('[data-testid=add-12]');
    await bob.click('[data-testid=place-order]');
    await statusIs(bob, 'placed');
    const bobs = (await bob.textContent('#tracker-title')).split(' ')[0];
    await kitchen.waitForSelector(`[data-testid=column-placed] [data-order-number="${bobs}"]`);
    ok('bob\'s ' + bobs + ' joined the board');
    await shootBoth(kitchen, 'kitchen');

    step = 'driver accepts';
    await driver.click(`[data-testid=accept-${orderId}]`);
    await driver.waitForSelector('[data-testid=delivery-status][data-status=assigned]');
    await customer.waitForFunction(() => document.querySelector('[data-testid=driver-name]').textContent === 'Dave Miller');
    await kitchen.waitForFunction((sel) => document.querySelector(sel).textContent.includes('Dave Miller'), ticket);
    ok('the offer reached the driver; accepting it told the customer and the kitchen');

    step = 'driver picks up';
    await driver.click('[data-testid=pickup]');
    await statusIs(customer, 'out_for_delivery');
    await kitchen.waitForSelector(ticket, { state: 'detached' });
    ok('out for delivery: the tracker followed and the ticket left the board');

    step = 'driver moves on the customer map';
    const marker = '[data-testid=tracker] [data-testid=driver-marker]';
    await customer.waitForSelector(marker);
    const first = await customer.getAttribute(marker, 'data-x');
    await customer.waitForFunction(
      ([sel, x]) => { const m = document.querySelector(sel); return m && Math.abs(Number(m.dataset.x) - Number(x)) > 30; },
      [marker, first]);
    ok('the driver moved on the customer\'s map (DriverLocationUpdated)');

    step = 'whispers';
    await driver.type('[data-testid=chat-text]', 'Two minutes away');
    await customer.waitForFunction(() => document.querySelector('[data-testid=typing]').textContent.includes('Dave Miller is typing'));
    ok('the customer saw "Dave Miller is typing…" (a client event on private-order.' + orderId + ')');
    await driver.press('[data-testid=chat-text]', 'Enter');
    await customer.waitForFunction(() => [...document.querySelectorAll('#chat-log .bubble')].some((b) => b.textContent.includes('Two minutes away')));
    ok('the driver\'s message reached the customer');

    step = 'screenshots';
    await shootBoth(customer, 'customer');
    await shootBoth(driver, 'driver');

    step = 'delivered';
    await driver.waitForSelector('[data-testid=deliver]:not([disabled])', { timeout: 40000 });
    await driver.click('[data-testid=deliver]');
    await statusIs(customer, 'delivered');
    await driver.waitForSelector('[data-testid=delivery-status][data-status=delivered]');
    ok('delivered: the tracker followed');
    await shootBoth(customer, 'customer-delivered');

    step = 'refusal';
    const snoop = await customer.context().newPage();
    await snoop.goto(base + '/customer.html?customer=2');
    await snoop.waitForSelector('body[data-subscription=refused]');
    const refusal = await snoop.textContent('[data-testid=channel-error]');
    if (!refusal.includes('Not allowed') || !(await snoop.isVisible('[data-testid=channel-error]'))) {
      throw new Error('the page does not show the refusal: ' + refusal);
    }
    ok('alice cannot join private-customer.2; the page says: ' + refusal.trim());
    await shootBoth(snoop, 'customer-refused');

    step = 'landing and sign-in pages';
    const landing = await customer.context().newPage();
    await landing.goto(base + '/');
    await shootBoth(landing, 'index');
    await landing.goto(base + '/login.html');
    await shootBoth(landing, 'login');
    console.log('done');
  } catch (error) {
    console.log('FAILED ' + step + ': ' + error.message.split('\n')[0]);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
