// One pusher-js client through a load balancer while its node drains: prints one JSON line per
// observation for ClusterDrainIT. Exits 0 after {"type":"done"} (rejoined the presence channel on
// the other node), 1 on a timeout or an unexpected error.
//
// Usage: node pusher-js-drain.cjs <dir with node_modules/pusher-js> <app key> <balancer port> <auth url>
'use strict';

const [installDir, key, port, authUrl] = process.argv.slice(2);
const Pusher = require(require.resolve('pusher-js', { paths: [installDir] }));

const out = (record) => process.stdout.write(JSON.stringify(record) + '\n');
const fail = (why) => {
  out({ type: 'failed', why: String(why && why.stack ? why.stack : why) });
  process.exit(1);
};
setTimeout(() => fail('timed out'), 40000).unref();
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);

const pusher = new Pusher(key, {
  wsHost: '127.0.0.1',
  wsPort: Number(port),
  forceTLS: false,
  enabledTransports: ['ws'],
  cluster: 'mt1',
  channelAuthorization: { endpoint: authUrl, transport: 'ajax' },
});
pusher.connection.bind('error', (error) =>
  out({ type: 'error', code: error && error.data && error.data.code, message: error && error.data && error.data.message }));
pusher.connection.bind('state_change', (states) =>
  out({ type: 'state', previous: states.previous, current: states.current }));

let round = 0;
const channel = pusher.subscribe('presence-room');
channel.bind('pusher:subscription_error', (error) => fail('subscription error ' + JSON.stringify(error)));
channel.bind('pusher:subscription_succeeded', (members) => {
  round++;
  out({ type: 'subscribed', round, members: Object.keys(members.members).sort(), socket: pusher.connection.socket_id });
  if (round === 2) {
    out({ type: 'done' });
    pusher.disconnect();
    process.exit(0);
  }
});
