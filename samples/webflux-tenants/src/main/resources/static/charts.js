// Small time charts in plain SVG: one chart per measure, one line per lane, over the last minutes.
var LaneCharts = (function () {
	'use strict';

	var SVG = 'http://www.w3.org/2000/svg';
	var WIDTH = 300;
	var HEIGHT = 80;
	var COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

	function element(name, attributes) {
		var node = document.createElementNS(SVG, name);
		Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
		return node;
	}

	// A chart keeps, per lane, the samples of the last windowMillis and redraws them on each add.
	function Chart(svg, windowMillis) {
		this.svg = svg;
		this.windowMillis = windowMillis;
		this.series = {};
		svg.setAttribute('viewBox', '0 0 ' + WIDTH + ' ' + HEIGHT);
		svg.appendChild(element('line', { x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5, class: 'axis' }));
		this.maxLabel = element('text', { x: 2, y: 10, class: 'max' });
		svg.appendChild(this.maxLabel);
	}

	Chart.prototype.add = function (now, values) {
		var chart = this;
		Object.keys(values).forEach(function (lane) {
			var series = chart.series[lane];
			if (!series) {
				var color = COLORS[Object.keys(chart.series).length % COLORS.length];
				series = { samples: [], line: element('polyline', { 'data-lane': lane, stroke: color, class: 'series' }) };
				chart.series[lane] = series;
				chart.svg.appendChild(series.line);
			}
			series.samples.push({ time: now, value: values[lane] });
			while (series.samples.length > 0 && series.samples[0].time < now - chart.windowMillis) {
				series.samples.shift();
			}
		});
		this.draw(now);
	};

	Chart.prototype.draw = function (now) {
		var chart = this;
		var lanes = Object.keys(this.series);
		var peak = 0;
		lanes.forEach(function (lane) {
			chart.series[lane].samples.forEach(function (sample) { peak = Math.max(peak, sample.value); });
		});
		// The scale never shrinks below 1, so a quiet lane draws a flat line at the bottom.
		var max = Math.max(1, peak);
		this.maxLabel.textContent = String(Math.round(max * 10) / 10);
		this.svg.setAttribute('data-peak', String(peak));
		lanes.forEach(function (lane) {
			var series = chart.series[lane];
			var points = series.samples.map(function (sample) {
				var x = WIDTH - (now - sample.time) * WIDTH / chart.windowMillis;
				var y = HEIGHT - 1 - sample.value * (HEIGHT - 14) / max;
				return x.toFixed(1) + ',' + y.toFixed(1);
			});
			series.line.setAttribute('points', points.join(' '));
			series.line.setAttribute('data-last', String(series.samples[series.samples.length - 1].value));
		});
	};

	// Builds the legend of the lanes' colours once their order is known.
	function legend(container, lanes) {
		if (container.childElementCount === lanes.length) {
			return;
		}
		container.innerHTML = '';
		lanes.forEach(function (lane, i) {
			var item = document.createElement('span');
			item.className = 'legend-item';
			item.style.borderColor = COLORS[i % COLORS.length];
			item.textContent = lane;
			container.appendChild(item);
		});
	}

	return { Chart: Chart, legend: legend };
}());
