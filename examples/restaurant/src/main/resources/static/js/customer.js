// The customer's order tracker: place an order, then follow it on private-customer.{id}.
'use strict';

(async () => {
  const { el, api, money } = Demo;
  const { session, echo } = await Demo.start('Order tracker');
  const me = session.user;
  const customerId = Demo.numberParam('customer') ?? me.customer_id;
  const orders = new Map(); // order id → view from the API, kept current by events
  let tracked = null; // the order id on the tracker
  let map = null;
  let chat = null;
  const quantities = new Map();

  const $ = (id) => document.getElementById(id);

  function refuse(message) {
    $('channel-error').textContent = message;
    $('channel-error').classList.remove('hidden');
  }

  if (customerId === null || customerId === undefined) {
    refuse('Admins: say whose orders to follow, e.g. /customer.html?customer=1');
    return;
  }

  // --- Placing an order -------------------------------------------------------------------
  const canOrder = me.role === 'CUSTOMER' && customerId === me.customer_id;
  $('order-form').classList.toggle('hidden', !canOrder);
  for (const restaurant of session.restaurants) {
    $('restaurant').append(el('option', { value: restaurant.id }, restaurant.name));
  }
  $('restaurant').addEventListener('change', renderMenu);

  function restaurant() {
    return session.restaurants.find((r) => r.id === Number($('restaurant').value));
  }

  function renderMenu() {
    quantities.clear();
    $('menu').replaceChildren(...restaurant().menu.map((dish) => {
      const count = el('span', { 'data-testid': 'qty-' + dish.id }, '0');
      const change = (delta) => {
        const next = Math.max(0, Math.min(20, (quantities.get(dish.id) || 0) + delta));
        quantities.set(dish.id, next);
        count.textContent = next;
        renderTotal();
      };
      return el('div', { class: 'menu-row' },
        el('div', { class: 'dish' }, dish.name, el('div', { class: 'price' }, money(dish.price))),
        el('div', { class: 'qty' },
          el('button', { type: 'button', 'aria-label': 'one less ' + dish.name, onclick: () => change(-1) }, '−'),
          count,
          el('button', { type: 'button', 'aria-label': 'one more ' + dish.name, 'data-testid': 'add-' + dish.id, onclick: () => change(1) }, '+')));
    }));
    renderTotal();
  }

  function renderTotal() {
    let total = 0;
    for (const dish of restaurant().menu) total += (quantities.get(dish.id) || 0) * dish.price;
    $('total').textContent = money(total);
    $('place').disabled = total === 0;
  }

  $('place').addEventListener('click', async () => {
    $('place').disabled = true;
    try {
      const view = await api('POST', '/api/orders', {
        restaurant_id: restaurant().id,
        quantities: Object.fromEntries(quantities),
        special_instructions: $('note').value,
      });
      orders.set(view.order.id, view);
      track(view.order.id);
      renderMenu();
      $('note').value = '';
    } catch (error) {
      refuse('The order did not go through: ' + error.message);
      renderTotal();
    }
  });

  // --- The tracker ------------------------------------------------------------------------
  function track(orderId) {
    const changed = tracked !== orderId;
    tracked = orderId;
    const view = orders.get(orderId);
    if (changed) {
      map = new CityMap($('map'), session.map);
      map.pin(view.pickup, 'restaurant', view.restaurant_name);
      map.pin(view.dropoff, 'home', 'You');
      map.setRoute(view.route);
      if (view.order.driver_location) map.moveDriver(view.order.driver_location, 0);
    }
    renderTracker();
    renderOrders();
  }

  function renderTracker() {
    const view = orders.get(tracked);
    if (!view) return;
    const order = view.order;
    $('tracker-title').textContent = order.number + ' · ' + view.restaurant_name;
    $('tracker-title').dataset.testid = 'tracker-number';
    const badge = $('tracker-status');
    badge.className = 'badge ' + order.status;
    badge.textContent = Demo.STATUS_LABELS[order.status];
    badge.dataset.status = order.status;
    const at = Demo.STATUSES.indexOf(order.status);
    $('timeline').replaceChildren(...Demo.STATUSES.map((status, i) => el('li', {
      class: i < at || order.status === 'delivered' ? 'done' : i === at ? 'current' : '',
      'data-status': status,
    }, Demo.STATUS_LABELS[status])));
    if (order.status === 'delivered') $('eta').textContent = 'Delivered · enjoy!';
    else if (!view.eta) $('eta').textContent = 'Expected around ' + Demo.time(view.estimated_delivery_time);
    else $('eta').textContent = 'Driver ' + view.eta + ' away';
    $('facts').replaceChildren(
      el('span', {}, 'Items ', el('b', {}, order.items.map((i) => i.quantity + '× ' + i.name).join(', '))),
      el('span', {}, 'Total ', el('b', {}, money(order.total_amount))),
      el('span', {}, 'Driver ', el('b', { 'data-testid': 'driver-name' }, order.driver_name || 'not yet assigned')));
    const chatOpen = order.driver_id !== null && order.status !== 'delivered';
    $('chat').classList.toggle('hidden', !chatOpen);
    if (chatOpen && (!chat || chat.orderId !== order.id)) {
      if (chat) chat.leave(echo);
      chat = new OrderChat(echo, order.id, me.name, {
        log: $('chat-log'), typing: $('typing'), input: $('chat-text'), form: $('chat-form'),
      });
      chat.orderId = order.id;
    }
  }

  function renderOrders() {
    const list = [...orders.values()].sort((a, b) => b.order.id - a.order.id);
    $('orders-count').textContent = list.length ? list.length + '' : '';
    if (!list.length) return;
    $('orders').replaceChildren(...list.map((view) => el('div', {
      class: 'offer', style: 'cursor:pointer' + (view.order.id === tracked ? ';border-color:#d9480f' : ''),
      onclick: () => track(view.order.id),
    },
      el('div', { class: 'what' }, el('b', {}, view.order.number), ' · ', view.restaurant_name,
        el('div', { class: 'small muted' }, Demo.time(view.order.created_at) + ' · ' + money(view.order.total_amount))),
      el('span', { class: 'badge ' + view.order.status }, Demo.STATUS_LABELS[view.order.status]))));
  }

  // --- Live: private-customer.{id} --------------------------------------------------------
  async function load(orderId) {
    const view = await api('GET', '/api/orders/' + orderId);
    orders.set(orderId, view);
    return view;
  }

  echo.private('customer.' + customerId)
    .listen('.NewOrderPlaced', async (event) => {
      if (!orders.has(event.order_id)) await load(event.order_id);
      track(event.order_id);
    })
    .listen('.OrderStatusUpdated', async (event) => {
      const view = orders.get(event.order_id) || (await load(event.order_id));
      view.order.status = event.new_status;
      view.estimated_delivery_time = event.estimated_delivery_time;
      if (event.order_id === tracked) renderTracker();
      renderOrders();
    })
    .listen('.DeliveryStatusChanged', async (event) => {
      const view = orders.get(event.order_id) || (await load(event.order_id));
      view.order.driver_id = event.driver_id;
      view.order.driver_name = event.driver_name;
      view.order.delivery_status = event.new_status;
      if (event.order_id === tracked) renderTracker();
    })
    .listen('.DriverLocationUpdated', (event) => {
      const view = orders.get(event.order_id);
      if (!view) return;
      view.order.driver_location = event.location;
      view.eta = event.eta;
      if (event.order_id === tracked) {
        map.moveDriver(event.location, event.location.heading);
        renderTracker();
      }
    })
    .error((error) => {
      const status = error && error.status ? ' (HTTP ' + error.status + ')' : '';
      refuse('Not allowed to follow customer ' + customerId + "'s orders: Herald refused the subscription to private-customer." + customerId + status + '.');
      document.body.dataset.subscription = 'refused';
    })
    .subscribed(() => { document.body.dataset.subscription = 'subscribed'; });

  // --- Start ------------------------------------------------------------------------------
  if (canOrder) renderMenu();
  try {
    const mine = await api('GET', '/api/orders?customer=' + customerId);
    for (const view of mine) orders.set(view.order.id, view);
    const current = mine.find((v) => v.order.status !== 'delivered') || mine[0];
    if (current) track(current.order.id);
    else emptyMap();
  } catch (error) {
    emptyMap();
  }

  function emptyMap() {
    map = new CityMap($('map'), session.map);
    for (const r of session.restaurants) map.pin(r.location, 'restaurant', r.name);
  }
})();
