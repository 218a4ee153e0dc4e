// Polls the deepseek actuator endpoint and the 429 and rejection counters every second.
(function () {
	'use strict';

	var updates = 0;
	var WINDOW = 5 * 60 * 1000;
	var charts = {
		inUse: new LaneCharts.Chart(document.getElementById('chart-in-use'), WINDOW),
		queued: new LaneCharts.Chart(document.getElementById('chart-queued'), WINDOW),
		rateLimited: new LaneCharts.Chart(document.getElementById('chart-server-429'), WINDOW)
	};
	var previous = null;

	// The counters are totals: a chart of 429s shows how many came since the previous poll, per second.
	function chart(lanes, counts) {
		var now = Date.now();
		var inUse = {};
		var queued = {};
		var rateLimited = {};
		lanes.forEach(function (lane, i) {
			inUse[lane.model] = lane.inUse;
			queued[lane.model] = lane.queued;
			var before = previous && previous.counts[lane.model];
			var seconds = previous ? Math.max(0.001, (now - previous.time) / 1000) : 1;
			rateLimited[lane.model] = (before !== undefined) ? Math.max(0, counts[i].rateLimited - before) / seconds : 0;
		});
		charts.inUse.add(now, inUse);
		charts.queued.add(now, queued);
		charts.rateLimited.add(now, rateLimited);
		var totals = {};
		lanes.forEach(function (lane, i) { totals[lane.model] = counts[i].rateLimited; });
		previous = { time: now, counts: totals };
		LaneCharts.legend(document.getElementById('legend'), lanes.map(function (lane) { return lane.model; }));
	}

	function renderCosts(costs) {
		var body = document.querySelector('#costs tbody');
		body.innerHTML = '';
		(costs ? costs.byCost : []).forEach(function (tenant) {
			var row = document.createElement('tr');
			row.setAttribute('data-tenant', tenant.tenant);
			cell(row, 'tenant', tenant.tenant);
			cell(row, 'tokens', tenant.tokens);
			cell(row, 'cache-hit-ratio', Math.round(100 * tenant.cacheHitRatio) + ' %');
			cell(row, 'cost', Object.keys(tenant.cost).map(function (currency) {
				return tenant.cost[currency].toFixed(6) + ' ' + currency;
			}).join(', '));
			body.appendChild(row);
		});
	}

	function cell(row, className, text) {
		var td = document.createElement('td');
		td.className = className;
		td.textContent = text;
		row.appendChild(td);
		return td;
	}

	// A counter that has not counted anything yet does not exist: that reads as 0.
	function counter(name, tags) {
		var query = tags.map(function (tag) { return 'tag=' + encodeURIComponent(tag); }).join('&');
		return fetch('actuator/metrics/' + name + '?' + query)
			.then(function (response) { return response.ok ? response.json() : { measurements: [] }; })
			.then(function (body) {
				var count = body.measurements.filter(function (m) { return m.statistic === 'COUNT'; })[0];
				return count ? count.value : 0;
			});
	}

	function renderLanes(lanes, counts) {
		var body = document.querySelector('#lanes tbody');
		body.innerHTML = '';
		lanes.forEach(function (lane, i) {
			var row = document.createElement('tr');
			row.setAttribute('data-lane', lane.model);
			cell(row, 'model', lane.model);
			cell(row, 'configured', lane.configuredLimit);
			var effective = cell(row, 'effective', lane.effectiveLimit);
			if (lane.adaptiveReduced) {
				effective.classList.add('reduced');
			}
			cell(row, 'in-use', lane.inUse);
			var load = cell(row, 'load', '');
			var bar = document.createElement('span');
			bar.className = 'bar';
			var fill = document.createElement('span');
			fill.style.width = Math.min(100, 100 * lane.inUse / Math.max(1, lane.effectiveLimit)) + '%';
			bar.appendChild(fill);
			load.appendChild(bar);
			cell(row, 'queued', lane.queued);
			cell(row, 'server-429', counts[i].rateLimited);
			cell(row, 'rejected', counts[i].rejected);
			body.appendChild(row);
		});
	}

	function renderTenants(tenants) {
		var body = document.querySelector('#tenants tbody');
		body.innerHTML = '';
		tenants.forEach(function (tenant) {
			var row = document.createElement('tr');
			row.setAttribute('data-tenant', tenant.tenant);
			cell(row, 'tenant', tenant.tenant);
			cell(row, 'model', tenant.lane);
			cell(row, 'in-use', tenant.inUse);
			cell(row, 'queued', tenant.queued);
			body.appendChild(row);
		});
	}

	function poll() {
		fetch('actuator/deepseek')
			.then(function (response) {
				if (!response.ok) {
					throw new Error('/actuator/deepseek answered ' + response.status);
				}
				return response.json();
			})
			.then(function (state) {
				return Promise.all(state.lanes.map(function (lane) {
					return Promise.all([
						counter('deepseek.upstream.responses', ['status:429', 'model:' + lane.model]),
						counter('deepseek.requests.rejected', ['model:' + lane.model])
					]).then(function (values) { return { rateLimited: values[0], rejected: values[1] }; });
				})).then(function (counts) {
					renderLanes(state.lanes, counts);
					chart(state.lanes, counts);
					renderTenants(state.busiestTenants);
					renderCosts(state.tenantCosts);
					document.getElementById('error').textContent = '';
					document.getElementById('updates').textContent = String(++updates);
				});
			})
			.catch(function (error) {
				document.getElementById('error').textContent = String(error);
			})
			.finally(function () {
				setTimeout(poll, 1000);
			});
	}

	poll();
}());
