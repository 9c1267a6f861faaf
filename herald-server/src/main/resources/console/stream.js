// Server-Sent Events over fetch(): unlike EventSource, fetch can send the Authorization header,
// so the admin token never goes into a URL. Reconnects with a growing delay until closed.
'use strict';

window.HeraldStream = {
  /**
   * Opens url and calls onEvent(json) per "data:" event, onState('retrying', why) on a break.
   * Returns { close() }. A 401 stops retrying and calls onUnauthorized(message).
   */
  open(url, headers, { onEvent, onState, onUnauthorized }) {
    let closed = false;
    let controller = null;
    let delay = 500;

    async function connect() {
      controller = new AbortController();
      try {
        const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (response.status === 401) {
          const body = await response.json().catch(() => ({}));
          closed = true;
          onUnauthorized(body.error || 'unauthorized');
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error('HTTP ' + response.status);
        }
        delay = 500; // the first event (monitor_started) says the stream is live
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let pending = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          pending += decoder.decode(value, { stream: true });
          let end;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const block = pending.slice(0, end);
            pending = pending.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).replace(/^ /, ''))
              .join('\n');
            if (data) {
              try { onEvent(JSON.parse(data)); } catch (e) { console.warn('bad monitor event', e); }
            }
          }
        }
        throw new Error('the stream ended');
      } catch (error) {
        if (closed) return;
        onState('retrying', error.message);
        setTimeout(() => { if (!closed) connect(); }, delay);
        delay = Math.min(delay * 2, 10000);
      }
    }

    connect();
    return {
      close() {
        closed = true;
        if (controller) controller.abort();
      },
    };
  },
};
