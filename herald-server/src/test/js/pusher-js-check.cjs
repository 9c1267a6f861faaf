// Drives a Herald server with the reference client, pusher-js, under Node, and prints one JSON line
// per observation for PusherJsCompatIT to assert on. Exits 0 after {"type":"done"}, 1 on a timeout
// or an unexpected error.
//
// Usage: node pusher-js-check.cjs <dir with node_modules/pusher-js> <app key> <ws port[,port…]> <auth url>
// The auth url answers form POSTs (socket_id, channel_name); "?user=<id>" picks the presence user
// and "&mode=bad" makes it sign with a wrong secret.
'use strict';

const [installDir, key, port, authUrl] = process.argv.slice(2);
const Pusher = require(require.resolve('pusher-js', { paths: [installDir] }));
// With several ports (the nodes of a cluster), each new client connects to the next node.
const ports = String(port).split(',').map(Number);
let clientCount = 0;

let step = 'start';
const out = (record) => process.stdout.write(JSON.stringify(record) + '\n');
const fail = (why) => {
  out({ type: 'failed', step, why: String(why && why.stack ? why.stack : why) });
  process.exit(1);
};
setTimeout(() => fail('timed out'), 20000).unref();
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);

function client(name, url) {
  const pusher = new Pusher(key, {
    wsHost: '127.0.0.1',
    wsPort: ports[clientCount++ % ports.length],
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    channelAuthorization: { endpoint: url, transport: 'ajax' },
  });
  pusher.connection.bind('error', (error) => out({ type: 'connection_error', client: name, error }));
  return pusher;
}

// Resolves at once if the client got connected while we were awaiting something else.
const connected = (pusher) =>
  new Promise((resolve) => {
    const done = () => resolve(pusher.connection.socket_id);
    if (pusher.connection.state === 'connected') done();
    else pusher.connection.bind('connected', done);
  });
const next = (channel, event) =>
  new Promise((resolve) => channel.bind(event, (data, metadata) => resolve({ data, metadata })));
const memberIds = (members) => Object.keys(members.members).sort();

async function subscribed(name, pusher, channelName) {
  const channel = pusher.subscribe(channelName);
  channel.bind('pusher:subscription_error', (error) =>
    out({ type: 'subscription_error', client: name, channel: channelName, error }));
  const { data } = await next(channel, 'pusher:subscription_succeeded');
  const record = { type: 'subscribed', client: name, channel: channelName };
  if (channelName.startsWith('presence-')) {
    record.members = memberIds(data);
    record.me = data.me && data.me.id;
  }
  out(record);
  return channel;
}

async function main() {
  step = 'connect';
  const alice = client('alice', authUrl + '?user=alice');
  const bob = client('bob', authUrl + '?user=bob');
  for (const [name, pusher] of [['alice', alice], ['bob', bob]]) {
    out({ type: 'connected', client: name, socket_id: await connected(pusher) });
  }

  step = 'public';
  await subscribed('alice', alice, 'public-js');

  step = 'private';
  const alicePrivate = await subscribed('alice', alice, 'private-js');
  const bobPrivate = await subscribed('bob', bob, 'private-js');

  step = 'presence';
  const alicePresence = await subscribed('alice', alice, 'presence-js');
  const added = next(alicePresence, 'pusher:member_added');
  const bobPresence = await subscribed('bob', bob, 'presence-js');
  const member = (await added).data;
  out({ type: 'member_added', client: 'alice', id: member.id, info: member.info });

  step = 'client events';
  let echoes = 0;
  alicePrivate.bind('client-hello', () => echoes++);
  const hello = next(bobPrivate, 'client-hello');
  out({ type: 'triggered', client: 'alice', sent: alicePrivate.trigger('client-hello', { text: 'hi bob' }) });
  const got = await hello;
  out({ type: 'client_event', client: 'bob', event: 'client-hello', data: got.data, user_id: got.metadata.user_id });
  const ack = next(alicePrivate, 'client-ack');
  bobPrivate.trigger('client-ack', { text: 'hi alice' });
  await ack;
  out({ type: 'echoes', client: 'alice', event: 'client-hello', count: echoes });

  step = 'presence client event';
  const wave = next(bobPresence, 'client-wave');
  alicePresence.trigger('client-wave', { hand: 'left' });
  const waved = await wave;
  out({ type: 'client_event', client: 'bob', event: 'client-wave', data: waved.data, user_id: waved.metadata.user_id });

  step = 'bad signature';
  const mallory = client('mallory', authUrl + '?user=mallory&mode=bad');
  await connected(mallory);
  const forged = mallory.subscribe('private-forged');
  const rejected = next(forged, 'pusher:subscription_error');
  const connectionError = new Promise((resolve) => mallory.connection.bind('error', resolve));
  out({ type: 'forged_rejected', client: 'mallory', error: (await rejected).data });
  out({ type: 'forged_connection_error', client: 'mallory', error: await connectionError });
  await subscribed('mallory', mallory, 'after-forged');
  out({ type: 'forged_state', client: 'mallory', subscribed: forged.subscribed, state: mallory.connection.state });
  mallory.disconnect();

  step = 'presence leave';
  const removed = next(alicePresence, 'pusher:member_removed');
  bob.disconnect();
  out({ type: 'member_removed', client: 'alice', id: (await removed).data.id });

  alice.disconnect();
  out({ type: 'done' });
  process.exit(0);
}

main().catch(fail);
