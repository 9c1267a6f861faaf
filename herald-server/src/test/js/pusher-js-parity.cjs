// Drives Herald's Pusher parity features with the reference client, pusher-js, under Node: sign-in,
// server-to-user events, watchlist, cache channels, subscription counts, presence as the signed-in
// user, and terminating a user's connections. Prints one JSON line per observation for
// PusherJsParityIT. Exits 0 after {"type":"done"}, 1 on a timeout or an unexpected error.
//
// Usage: node pusher-js-parity.cjs <dir with node_modules/pusher-js> <app key> <ws port[,port…]>
//          <channel auth url> <user auth url> <backend url>
// The channel auth url takes "?user=<id>" (presence user) or "?mode=signedin" (presence answers
// without channel_data); the user auth url takes "?user=<id>&watch=<id,id>" and "&mode=bad". The
// backend answers GET <backend>/{trigger,send-to-user,terminate}?channel&user&event&data by calling
// Herald's HTTP API with the official server SDK.
'use strict';

const [installDir, key, port, authUrl, userAuthUrl, backendUrl] = process.argv.slice(2);
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
setTimeout(() => fail('timed out'), 30000).unref();
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);

const clients = [];
function client(name, { user = name, watch = [], channelAuth, userAuth } = {}) {
  const watching = watch.length ? '&watch=' + encodeURIComponent(watch.join(',')) : '';
  const pusher = new Pusher(key, {
    wsHost: '127.0.0.1',
    wsPort: ports[clientCount++ % ports.length],
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    channelAuthorization: {
      endpoint: channelAuth || authUrl + '?user=' + encodeURIComponent(user),
      transport: 'ajax',
    },
    userAuthentication: {
      endpoint: userAuth || userAuthUrl + '?user=' + encodeURIComponent(user) + watching,
      transport: 'ajax',
    },
  });
  pusher.connection.bind('error', (error) => out({ type: 'connection_error', client: name, error }));
  pusher.user.bind('pusher:signin_error', (error) => out({ type: 'signin_error', client: name, error }));
  clients.push(pusher);
  return pusher;
}

// Calls the app backend, which calls Herald's HTTP API; fails unless the API answered 200.
async function backend(action, params) {
  const query = new URLSearchParams(params).toString();
  const answer = await (await fetch(`${backendUrl}/${action}?${query}`)).json();
  if (answer.status !== 200) throw new Error(`${action} ${query}: ${JSON.stringify(answer)}`);
  return answer;
}

// Collects values; until(predicate) resolves once the values collected so far satisfy it.
function collector() {
  const items = [];
  const checks = [];
  return {
    items,
    push(item) {
      items.push(item);
      checks.forEach((check) => check());
    },
    until(predicate) {
      return new Promise((resolve) => {
        const check = () => predicate(items) && resolve(items);
        checks.push(check);
        check();
      });
    },
  };
}

const connected = (pusher) =>
  new Promise((resolve) => {
    if (pusher.connection.state === 'connected') resolve();
    else pusher.connection.bind('connected', () => resolve());
  });
const next = (channel, event) => new Promise((resolve) => channel.bind(event, resolve));
const nextUserEvent = (pusher, event) => new Promise((resolve) => pusher.user.bind(event, resolve));

// Signs in and waits for pusher:signin_success and for the confirmation of the user channel that
// pusher-js then subscribes to by itself.
async function signedIn(name, pusher) {
  await connected(pusher);
  const success = new Promise((resolve) => pusher.bind('pusher:signin_success', resolve));
  const userChannel = new Promise((resolve) =>
    pusher.connection.bind('message', (event) => {
      if (event.event === 'pusher_internal:subscription_succeeded' && /^#/.test(event.channel)) {
        resolve(event.channel);
      }
    }));
  pusher.signin();
  const data = await success;
  await pusher.user.signinDonePromise;
  out({ type: 'signed_in', client: name, user_data: JSON.parse(data.user_data), id: pusher.user.user_data.id });
  out({ type: 'user_channel', client: name, channel: await userChannel });
}

async function main() {
  step = 'sign in';
  const alice = client('alice');
  const aliceTab = client('alice-tab', { user: 'alice' });
  const bob = client('bob');
  await signedIn('alice', alice);
  await signedIn('alice-tab', aliceTab);
  await signedIn('bob', bob);

  step = 'server to user';
  let bobNotices = 0;
  bob.user.bind('notice', () => bobNotices++);
  const notices = [nextUserEvent(alice, 'notice'), nextUserEvent(aliceTab, 'notice')];
  await backend('send-to-user', { user: 'alice', event: 'notice', data: '{"text":"hi alice"}' });
  const [first, second] = await Promise.all(notices);
  out({ type: 'user_event', client: 'alice', event: 'notice', data: first });
  out({ type: 'user_event', client: 'alice-tab', event: 'notice', data: second });
  const marker = nextUserEvent(bob, 'marker');
  await backend('send-to-user', { user: 'bob', event: 'marker' });
  await marker;
  out({ type: 'other_user_notices', client: 'bob', count: bobNotices });

  step = 'failed sign-in';
  const mallory = client('mallory', { userAuth: userAuthUrl + '?user=mallory&mode=bad' });
  await connected(mallory);
  const refused = new Promise((resolve) => mallory.connection.bind('error', resolve));
  mallory.signin();
  out({ type: 'signin_refused', client: 'mallory', error: await refused });
  await next(mallory.subscribe('after-signin'), 'pusher:subscription_succeeded');
  out({ type: 'after_refused_signin', client: 'mallory', state: mallory.connection.state, user_data: mallory.user.user_data });

  step = 'watchlist';
  const carol = client('carol', { watch: ['alice', 'dave'] });
  const watched = collector();
  for (const name of ['online', 'offline']) {
    carol.user.watchlist.bind(name, (event) => watched.push(event));
  }
  await signedIn('carol', carol);
  await watched.until((events) => events.length >= 2);
  const dave = client('dave');
  await signedIn('dave', dave);
  await watched.until((events) => events.length >= 3);
  dave.disconnect();
  await watched.until((events) => events.length >= 4);
  out({ type: 'watchlist', client: 'carol', events: watched.items });

  step = 'cache channels';
  await backend('trigger', { channel: 'cache-news', event: 'headline', data: '{"n":1}' });
  await backend('trigger', { channel: 'private-cache-inbox', event: 'letter', data: '{"n":2}' });
  for (const [channelName, event] of [['cache-news', 'headline'], ['private-cache-inbox', 'letter'], ['cache-empty', 'pusher:cache_miss']]) {
    const channel = alice.subscribe(channelName);
    const seen = [];
    // "name" for pusher: events, "name <data as JSON>" for the app's events; counts left out.
    channel.bind_global((name, data) => {
      if (name !== 'pusher:subscription_count') {
        seen.push(name.startsWith('pusher:') ? name : `${name} ${JSON.stringify(data)}`);
      }
    });
    await next(channel, event);
    out({ type: 'cache', client: 'alice', channel: channelName, events: seen });
  }

  step = 'subscription count';
  const counts = collector();
  const aliceCounted = alice.subscribe('counted');
  aliceCounted.bind('pusher:subscription_count', (data) => counts.push(data.subscription_count));
  await counts.until((seen) => seen.length >= 1);
  const bobCounted = bob.subscribe('counted');
  const bobCount = await next(bobCounted, 'pusher:subscription_count');
  await counts.until((seen) => seen.length >= 2);
  out({ type: 'bob_counted', client: 'bob', data: bobCount, last: bobCounted.subscriptionCount });
  bob.unsubscribe('counted');
  await counts.until((seen) => seen.length >= 3);
  out({ type: 'subscription_counts', client: 'alice', counts: counts.items, last: aliceCounted.subscriptionCount });

  step = 'presence as the signed-in user';
  const room = alice.subscribe('presence-signed');
  await next(room, 'pusher:subscription_succeeded');
  const added = next(room, 'pusher:member_added');
  const erin = client('erin', { channelAuth: authUrl + '?mode=signedin' });
  await signedIn('erin', erin);
  const erinRoom = erin.subscribe('presence-signed');
  erinRoom.bind('pusher:subscription_error', (error) => out({ type: 'subscription_error', client: 'erin', error }));
  const members = await next(erinRoom, 'pusher:subscription_succeeded');
  out({ type: 'presence', client: 'erin', me: members.me, ids: Object.keys(members.members).sort() });
  out({ type: 'member_added', client: 'alice', member: await added });

  step = 'terminate';
  const frank = client('frank');
  await signedIn('frank', frank);
  const frankStates = [];
  const frankErrors = [];
  frank.connection.bind('state_change', (change) => frankStates.push(change.current));
  frank.connection.bind('error', (error) => frankErrors.push(error));
  const frankOnlyInPresence = client('frank-in-presence', { user: 'frank' });
  const frankRoom = frankOnlyInPresence.subscribe('presence-frank');
  await next(frankRoom, 'pusher:subscription_succeeded');
  const disconnected = new Promise((resolve) => frank.connection.bind('disconnected', resolve));
  await backend('terminate', { user: 'frank' });
  await disconnected;
  const stillHere = next(frankRoom, 'still-here');
  await backend('trigger', { channel: 'presence-frank', event: 'still-here' });
  await stillHere;
  out({ type: 'terminated', client: 'frank', states: frankStates, errors: frankErrors, state: frank.connection.state });
  out({ type: 'not_terminated', client: 'frank-in-presence', state: frankOnlyInPresence.connection.state });

  clients.forEach((pusher) => pusher.disconnect());
  out({ type: 'done' });
  process.exit(0);
}

main().catch(fail);
