// The driver app simulator: offers and deliveries on private-driver.{id}; driving the route posts
// a position every STEP_MS, which the app broadcasts as DriverLocationUpdated.
'use strict';

(async () => {
  const { el, api, money } = Demo;
  const STEP_MS = 250;
  const STEPS_PER_BLOCK = 4;
  const { session, echo } = await Demo.start('Driver app');
  const me = session.user;
  const $ = (id) => document.getElementById(id);
  const offers = new Map();
  let current = null; // the view of the delivery in hand
  let map = null;
  let chat = null;

  function refuse(message) {
    $('channel-error').textContent = message;
    $('channel-error').classList.remove('hidden');
  }

  if (me.role !== 'DRIVER') {
    refuse('Sign in as a driver (dave or dina) to use the driver app.');
    return;
  }

  function renderOffers() {
    $('offers-count').textContent = offers.size || '';
    const list = [...offers.values()];
    $('offers').replaceChildren(...(list.length ? list.map((view) => el('div', { class: 'offer', 'data-testid': 'offer-' + view.order.id },
      el('div', { class: 'what' }, el('b', {}, view.order.number), ' · ', view.restaurant_name,
        el('div', { class: 'small muted' }, view.route.length - 1 + ' blocks · ' + view.order.items.length + (view.order.items.length === 1 ? ' dish · ' : ' dishes · ') + money(view.order.total_amount))),
      el('button', { class: 'primary', disabled: current !== null, 'data-testid': 'accept-' + view.order.id, onclick: () => accept(view.order.id) }, 'Accept')))
      : [el('p', { class: 'empty' }, 'No orders are waiting for a driver.')]));
  }

  async function accept(orderId) {
    try {
      const view = await api('POST', '/api/deliveries/' + orderId + '/accept');
      offers.delete(orderId);
      hold(view);
    } catch (error) {
      offers.delete(orderId);
      refuse(error.message);
    }
    renderOffers();
  }

  function hold(view) {
    current = view;
    const o = view.order;
    map = new CityMap($('map'), session.map);
    map.pin(view.pickup, 'restaurant', view.restaurant_name);
    map.pin(view.dropoff, 'home', o.customer_name);
    map.setRoute(view.route);
    map.moveDriver(o.driver_location || view.pickup, 90);
    $('delivery-body').replaceChildren(
      el('div', { class: 'tracker-head' }, el('h3', {}, o.number), el('span', { class: 'eta', id: 'driver-eta' }, '')),
      el('div', { class: 'facts' },
        el('span', {}, 'From ', el('b', {}, view.restaurant_name)),
        el('span', {}, 'To ', el('b', {}, o.customer_name)),
        el('span', {}, 'Items ', el('b', {}, o.items.map((i) => i.quantity + '× ' + i.name).join(', ')))));
    renderStatus();
    if (chat) chat.leave(echo);
    $('chat-log').replaceChildren();
    chat = new OrderChat(echo, o.id, me.name, { log: $('chat-log'), typing: $('typing'), input: $('chat-text'), form: $('chat-form') });
    $('chat').classList.remove('hidden');
  }

  function renderStatus() {
    const status = current.order.delivery_status;
    const badge = $('delivery-status');
    badge.classList.remove('hidden');
    badge.className = 'badge ' + (status === 'picked_up' ? 'out_for_delivery' : status === 'delivered' ? 'delivered' : 'ready');
    badge.textContent = status.replace('_', ' ');
    badge.dataset.status = status;
    $('steps').classList.toggle('hidden', status === 'delivered');
    $('pickup').classList.toggle('hidden', status !== 'assigned');
    $('pickup').disabled = false;
    $('deliver').classList.toggle('hidden', status !== 'picked_up');
    $('progress').classList.toggle('hidden', status !== 'picked_up');
  }

  $('pickup').addEventListener('click', async () => {
    $('pickup').disabled = true;
    try {
      current = await api('POST', '/api/deliveries/' + current.order.id + '/pickup');
      renderStatus();
      drive(current);
    } catch (error) {
      refuse(error.message);
    }
  });

  $('deliver').addEventListener('click', async () => {
    $('deliver').disabled = true;
    try {
      current = await api('POST', '/api/deliveries/' + current.order.id + '/deliver');
      renderStatus();
      $('chat').classList.add('hidden');
      $('driver-eta').textContent = 'Delivered';
      current = null;
      renderOffers();
    } catch (error) {
      refuse(error.message);
    }
  });

  /** Drives along the route's corners, a few fixes per block; the map follows the events. */
  async function drive(view) {
    const points = [];
    for (let i = 1; i < view.route.length; i++) {
      const a = view.route[i - 1];
      const b = view.route[i];
      for (let s = 1; s <= STEPS_PER_BLOCK; s++) {
        const f = s / STEPS_PER_BLOCK;
        const heading = (Math.atan2(b.longitude - a.longitude, b.latitude - a.latitude) * 180) / Math.PI;
        points.push({ latitude: a.latitude + (b.latitude - a.latitude) * f, longitude: a.longitude + (b.longitude - a.longitude) * f, heading: (heading + 360) % 360 });
      }
    }
    const bar = $('progress').firstElementChild;
    $('deliver').disabled = true;
    $('deliver').textContent = 'On the way…';
    for (let i = 0; i < points.length; i++) {
      if (!current || current.order.id !== view.order.id) return;
      const p = points[i];
      await api('POST', '/api/deliveries/' + view.order.id + '/location', { latitude: p.latitude, longitude: p.longitude, speed: 25, heading: p.heading });
      bar.style.width = Math.round(((i + 1) / points.length) * 100) + '%';
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    }
    arrived();
  }

  function arrived() {
    $('deliver').disabled = false;
    $('deliver').textContent = 'Arrived · mark delivered';
  }

  echo.private('driver.' + me.driver_id)
    .listen('.OrderStatusUpdated', async (event) => {
      if (event.new_status === 'ready' && event.driver_id === null) {
        offers.set(event.order_id, await api('GET', '/api/orders/' + event.order_id));
        renderOffers();
      }
    })
    .listen('.DeliveryStatusChanged', (event) => {
      if (current && current.order.id === event.order_id) {
        current.order.delivery_status = event.new_status;
        renderStatus();
      }
    })
    .listen('.DriverLocationUpdated', (event) => {
      if (!current || current.order.id !== event.order_id) return;
      map.moveDriver(event.location, event.location.heading);
      const eta = $('driver-eta');
      if (eta) eta.textContent = event.eta;
    })
    .error((error) => refuse('Herald refused private-driver.' + me.driver_id + ' (HTTP ' + (error && error.status) + ').'));

  const deliveries = await api('GET', '/api/deliveries');
  for (const view of deliveries.offers) offers.set(view.order.id, view);
  if (deliveries.mine.length) {
    hold(deliveries.mine[0]);
    if (current.order.delivery_status === 'picked_up') arrived();
  } else {
    map = new CityMap($('map'), session.map);
    for (const r of session.restaurants) map.pin(r.location, 'restaurant', r.name);
  }
  renderOffers();
})();
