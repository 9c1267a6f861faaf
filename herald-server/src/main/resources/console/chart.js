// A small messages-per-second chart on a canvas: the last POINTS samples as a filled line.
'use strict';

window.RateChart = class RateChart {
  constructor(canvas, points = 60) {
    this.canvas = canvas;
    this.points = points;
    this.values = [];
  }

  push(value) {
    this.values.push(value);
    if (this.values.length > this.points) this.values.shift();
    this.draw();
  }

  reset() {
    this.values = [];
    this.draw();
  }

  draw() {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (!width || !height) return;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const max = Math.max(1, ...this.values);
    const top = 12;
    const step = width / (this.points - 1);
    const x = (i) => width - (this.values.length - 1 - i) * step;
    const y = (v) => height - 1 - (v / max) * (height - top - 2);
    g.strokeStyle = '#e3e6ec';
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(0, height - 0.5);
    g.lineTo(width, height - 0.5);
    g.stroke();
    g.fillStyle = '#667085';
    g.font = '10px system-ui, sans-serif';
    g.textAlign = 'right';
    g.fillText('max ' + formatRate(max), width - 2, 9);
    if (this.values.length < 2) return;
    g.beginPath();
    this.values.forEach((v, i) => (i ? g.lineTo(x(i), y(v)) : g.moveTo(x(i), y(v))));
    g.strokeStyle = '#4f46e5';
    g.lineWidth = 1.8;
    g.stroke();
    g.lineTo(x(this.values.length - 1), height);
    g.lineTo(x(0), height);
    g.closePath();
    g.fillStyle = 'rgba(79, 70, 229, 0.12)';
    g.fill();
  }
};

function formatRate(value) {
  return value >= 100 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
}
window.formatRate = formatRate;
