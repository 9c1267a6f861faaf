// The demo city drawn in SVG: blocks, streets, the restaurant, the customer's door, the route and
// the driver. Points are {latitude, longitude}; the bounds come from /api/session.
'use strict';

class CityMap {
  constructor(container, bounds) {
    this.bounds = bounds;
    this.cell = 60;
    this.width = bounds.blocks_east * this.cell;
    this.height = bounds.blocks_north * this.cell;
    const ns = 'http://www.w3.org/2000/svg';
    this.ns = ns;
    const pad = 18;
    this.svg = document.createElementNS(ns, 'svg');
    this.svg.setAttribute('viewBox', `${-pad} ${-pad} ${this.width + 2 * pad} ${this.height + 2 * pad}`);
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', 'Map of the delivery area');
    container.replaceChildren(this.svg);
    this.drawCity();
    this.routeLine = this.add('polyline', { class: 'route', fill: 'none', stroke: '#1c7ed6', 'stroke-width': 6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'stroke-dasharray': '2 10', opacity: 0.8 });
    this.trail = this.add('polyline', { fill: 'none', stroke: '#1c7ed6', 'stroke-width': 6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });
    this.markers = this.add('g', {});
    this.driver = null;
    this.trailPoints = [];
  }

  add(tag, attributes, parent) {
    const node = document.createElementNS(this.ns, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    (parent || this.svg).append(node);
    return node;
  }

  /** SVG coordinates of a point: x east, y down. */
  xy(point) {
    const b = this.bounds;
    return {
      x: ((point.longitude - b.west) / (b.east - b.west)) * this.width,
      y: (1 - (point.latitude - b.south) / (b.north - b.south)) * this.height,
    };
  }

  drawCity() {
    const { cell } = this;
    this.add('rect', { x: -18, y: -18, width: this.width + 36, height: this.height + 36, fill: '#dfe3e8' });
    const park = { x: 5, y: 3 };
    for (let x = 0; x < this.bounds.blocks_east; x++) {
      for (let y = 0; y < this.bounds.blocks_north; y++) {
        const green = (x === park.x || x === park.x + 1) && y === park.y;
        this.add('rect', {
          x: x * cell + 7, y: y * cell + 7, width: cell - 14, height: cell - 14, rx: 5,
          fill: green ? '#c3e6cb' : '#f8f9fa', stroke: green ? '#a3d6ae' : '#e9ecef',
        });
      }
    }
    const river = this.add('path', {
      d: `M ${this.width + 18} ${-18} L ${this.width + 18} ${this.height + 18}`,
      stroke: '#a5d8ff', 'stroke-width': 14, fill: 'none',
    });
    river.setAttribute('opacity', 0.9);
  }

  /** A labelled pin: kind 'restaurant' (orange) or 'home' (green). */
  pin(point, kind, label) {
    const { x, y } = this.xy(point);
    const color = kind === 'restaurant' ? '#d9480f' : '#2b8a3e';
    const g = this.add('g', { class: 'pin ' + kind, transform: `translate(${x} ${y})` }, this.markers);
    this.add('circle', { r: 13, fill: color, stroke: '#fff', 'stroke-width': 3 }, g);
    const icon = this.add('text', { y: 5, 'text-anchor': 'middle', 'font-size': 14, fill: '#fff', 'font-weight': 700 }, g);
    icon.textContent = kind === 'restaurant' ? 'R' : '⌂';
    if (label) {
      const text = this.add('text', { y: -20, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 600, fill: '#1d2330', stroke: '#fff', 'stroke-width': 4, 'paint-order': 'stroke' }, g);
      text.textContent = label;
    }
  }

  /** The streets the driver will take. */
  setRoute(points) {
    this.routeLine.setAttribute('points', points.map((p) => { const { x, y } = this.xy(p); return `${x},${y}`; }).join(' '));
  }

  /** Moves (or first places) the driver's marker; the path behind it is drawn solid. */
  moveDriver(point, heading) {
    const { x, y } = this.xy(point);
    if (!this.driver) {
      this.driver = this.add('g', { class: 'driver', 'data-testid': 'driver-marker' });
      this.add('circle', { r: 17, fill: 'rgba(28, 126, 214, 0.18)' }, this.driver);
      this.add('circle', { r: 11, fill: '#1c7ed6', stroke: '#fff', 'stroke-width': 3 }, this.driver);
      this.arrow = this.add('path', { d: 'M 0 -6 L 4.5 4 L 0 1.5 L -4.5 4 Z', fill: '#fff' }, this.driver);
    }
    this.driver.setAttribute('transform', `translate(${x.toFixed(1)} ${y.toFixed(1)})`);
    this.driver.dataset.x = x.toFixed(1);
    this.driver.dataset.y = y.toFixed(1);
    this.arrow.setAttribute('transform', `rotate(${heading || 0})`);
    this.trailPoints.push(`${x.toFixed(1)},${y.toFixed(1)}`);
    this.trail.setAttribute('points', this.trailPoints.join(' '));
  }
}
