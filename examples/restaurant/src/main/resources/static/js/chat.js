// The customer and the driver of one order talk on private-order.{id} with whispers (client
// events): "typing" while a message is being written, "message" when it is sent. Nothing goes
// through the app: Herald relays them to the other subscribers of the channel.
'use strict';

class OrderChat {
  constructor(echo, orderId, me, elements) {
    this.me = me;
    this.elements = elements;
    this.channel = echo.private('order.' + orderId);
    this.channel
      .listenForWhisper('typing', (whisper) => this.showTyping(whisper.name))
      .listenForWhisper('message', (whisper) => this.add(whisper.name, whisper.text, false));
    this.lastTyping = 0;
    elements.input.addEventListener('input', () => this.typing());
    elements.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
  }

  typing() {
    const now = Date.now();
    if (now - this.lastTyping > 1000) {
      this.lastTyping = now;
      this.channel.whisper('typing', { name: this.me });
    }
  }

  send() {
    const text = this.elements.input.value.trim();
    if (!text) return;
    this.channel.whisper('message', { name: this.me, text });
    this.add(this.me, text, true);
    this.elements.input.value = '';
  }

  showTyping(name) {
    this.elements.typing.textContent = name + ' is typing…';
    clearTimeout(this.clearTyping);
    this.clearTyping = setTimeout(() => { this.elements.typing.textContent = ''; }, 3000);
  }

  add(name, text, mine) {
    if (!mine) this.elements.typing.textContent = '';
    this.elements.log.append(Demo.el('div', { class: 'bubble' + (mine ? ' mine' : '') }, mine ? text : name + ': ' + text));
    this.elements.log.scrollTop = this.elements.log.scrollHeight;
  }

  leave(echo) {
    echo.leave(this.channel.name.replace(/^private-/, ''));
  }
}
