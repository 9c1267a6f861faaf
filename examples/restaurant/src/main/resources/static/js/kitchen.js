// The kitchen display: tickets from private-kitchen.{id}, deliveries from private-restaurant.{id},
// and the staff on duty from presence-kitchen.{id}.
'use strict';

(async () => {
  const { el, api } = Demo;
  const { session, echo } = await Demo.start('Kitchen display');
  const me = session.user;
  const restaurantId = Demo.numberParam('restaurant') ?? me.restaurant_id ?? 1;
  const restaurant = session.restaurants.find((r) => r.id === restaurantId);
  const tickets = new Map(); // order id → ticket
  const $ = (id) => document.getElementById(id);

  $('kitchen-title').textContent = restaurant ? restaurant.name + ' · kitchen' : 'Kitchen ' + restaurantId;
  const tick = () => { $('clock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); };
  tick();
  setInterval(tick, 15000);

  function refuse(message) {
    $('channel-error').textContent = message;
    $('channel-error').classList.remove('hidden');
  }

  function log(text) {
    const now = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    $('feed').prepend(el('li', {}, el('time', {}, now), el('span', {}, text)));
    while ($('feed').children.length > 30) $('feed').lastChild.remove();
  }

  // A ticket from either an API view or a KitchenOrderUpdated event: the same fields.
  function fromView(view) {
    const o = view.order;
    return {
      order_id: o.id, order_number: o.number, customer_name: o.customer_name, status: o.status,
      items: o.items, special_instructions: o.special_instructions, driver_name: o.driver_name,
      created_at: o.created_at,
    };
  }

  const count = (items) => {
    const n = items.reduce((sum, i) => sum + i.quantity, 0);
    return n + (n === 1 ? ' item' : ' items');
  };

  const NEXT = { placed: 'Start preparing', preparing: 'Ready for pickup' };

  function render(freshId) {
    for (const status of ['placed', 'preparing', 'ready']) {
      const column = document.querySelector(`[data-column="${status}"] .tickets`);
      const list = [...tickets.values()].filter((t) => t.status === status).sort((a, b) => a.order_id - b.order_id);
      document.querySelector(`[data-count="${status}"]`).textContent = list.length;
      column.replaceChildren(...(list.length ? list.map((t) => ticket(t, t.order_id === freshId)) : [el('p', { class: 'empty' }, 'Nothing here.')]));
    }
  }

  function ticket(t, fresh) {
    const button = NEXT[t.status]
      ? el('button', {
        class: t.status === 'placed' ? 'secondary' : 'primary',
        'data-testid': 'advance-' + t.order_id,
        onclick: async (event) => {
          event.target.disabled = true;
          try { await api('POST', '/api/orders/' + t.order_id + '/advance'); } catch (error) { log(error.message); event.target.disabled = false; }
        },
      }, NEXT[t.status])
      : el('span', {}, t.driver_name ? '🛵 ' + t.driver_name + ' is coming' : 'Waiting for a driver');
    return el('article', { class: 'ticket ' + t.status + (fresh ? ' fresh' : ''), 'data-testid': 'ticket-' + t.order_id, 'data-order-number': t.order_number },
      el('div', { class: 'ticket-head' }, el('b', {}, t.order_number), el('span', { class: 'small muted' }, Demo.time(t.created_at))),
      el('div', { class: 'small' }, t.customer_name),
      el('ul', {}, t.items.map((i) => el('li', {}, i.quantity + '× ' + i.name))),
      t.special_instructions ? el('div', { class: 'note' }, '“' + t.special_instructions + '”') : null,
      el('div', { class: 'foot' }, el('span', {}, count(t.items)), button));
  }

  echo.private('kitchen.' + restaurantId)
    .listen('.NewOrderPlaced', (event) => log('New order ' + event.order_number + ' from ' + event.customer_name))
    .listen('.KitchenOrderUpdated', (event) => {
      if (event.update_type === 'picked_up') {
        tickets.delete(event.order_id);
        log(event.order_number + ' left with ' + event.driver_name);
      } else {
        tickets.set(event.order_id, event);
        if (event.update_type === 'status_changed') log(event.order_number + ' is ' + Demo.STATUS_LABELS[event.status].toLowerCase());
        if (event.update_type === 'driver_assigned') log(event.driver_name + ' will pick up ' + event.order_number);
      }
      render(event.update_type === 'created' ? event.order_id : null);
    })
    .error((error) => refuse('Not allowed into kitchen ' + restaurantId + ' (HTTP ' + (error && error.status) + ').'));

  echo.private('restaurant.' + restaurantId)
    .listen('.DeliveryStatusChanged', (event) => {
      if (event.new_status === 'delivered') log(event.order_number + ' delivered by ' + event.driver_name);
    });

  // Presence: whoever has this page open is on duty. Echo hands over each member's user_info,
  // which carries the id.
  const onDuty = new Map();
  const renderDuty = () => {
    $('on-duty-count').textContent = onDuty.size;
    $('on-duty').replaceChildren(...[...onDuty.values()].map((m) => el('li', { 'data-member': m.id },
      el('span', { class: 'avatar' }, Demo.initials(m.name)), m.name,
      el('span', { class: 'role' }, m.role === 'admin' ? 'admin' : 'cook'), el('span', { class: 'dot-online' }))));
  };
  echo.join('kitchen.' + restaurantId)
    .here((members) => { members.forEach((m) => onDuty.set(m.id, m)); renderDuty(); })
    .joining((m) => { onDuty.set(m.id, m); renderDuty(); log(m.name + ' came on duty'); })
    .leaving((m) => { onDuty.delete(m.id); renderDuty(); log(m.name + ' went off duty'); });

  try {
    for (const view of await api('GET', '/api/kitchens/' + restaurantId + '/orders')) tickets.set(view.order.id, fromView(view));
  } catch (error) {
    refuse(error.message);
  }
  render(null);
})();
