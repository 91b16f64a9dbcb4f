'use strict';
// muster web UI: plain JavaScript over the REST API; charts by ECharts (served from a WebJar).
const root = document.getElementById('main');
// Each page draws into its own view: a page still awaiting data after the user has moved on
// draws into a view no longer shown, never into the next page.
let view = root;
let me = null;
const charts = [];

async function api(method, path, body, raw) {
  const opt = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) {
    if (raw) { opt.body = body; opt.headers['Content-Type'] = 'text/plain'; }
    else { opt.body = JSON.stringify(body); opt.headers['Content-Type'] = 'application/json'; }
  }
  const r = await fetch(path, opt);
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
  if (r.status === 401 && path !== '/api/login') { me = null; showLogin(); throw new Error('signed out'); }
  return { status: r.status, ok: r.ok, data };
}

function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) e.append(k instanceof Node ? k : document.createTextNode(k ?? ''));
  return e;
}
function table(headers, rows) {
  return h('table', {}, h('tr', {}, headers.map(x => h('th', {}, x))),
    rows.map(r => h('tr', {}, r.map(c => h('td', {}, c)))));
}
function fmt(x, d = 1) { return x === null || x === undefined ? '' : (typeof x === 'number' ? x.toFixed(d).replace(/\.0+$/, '') : x); }
function clear() { charts.splice(0).forEach(c => c.dispose()); view = h('div', { class: 'view' }); root.replaceChildren(view); }
// SVG for charts of a few series; canvas where an element per data point would burden the page
function chart(el, option, renderer = 'svg') { const c = echarts.init(el, null, { renderer }); c.setOption(option); charts.push(c); return c; }
// an instant from the API (ISO-8601, UTC) to the minute, saying its time zone
function utc(iso) { return iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : ''; }
// a plan's scenario as every page names it: by its name, with its id
function scenarioText(name, id) { return `${name ?? 'scenario'} (${id})`; }
// the names of the scenarios the reader sees, by id, from GET /api/scenarios
function scenarioNames(sc) { return Object.fromEntries((sc.ok ? sc.data : []).map(s => [s.id, s.name])); }
function err(r) { return h('p', { class: 'error' }, (r.data && r.data.error) || `The server refused this (status ${r.status}) without saying why.`); }

function showLogin(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').textContent = '';
  clear();
  const main = view;
  const msg = h('p', { class: 'error', id: 'login-error' }, message || '');
  const user = h('input', { id: 'username', autocomplete: 'username' });
  const pass = h('input', { id: 'password', type: 'password', autocomplete: 'current-password' });
  main.append(h('form', { class: 'card login', id: 'login', onsubmit: async ev => {
    ev.preventDefault();
    const r = await api('POST', '/api/login', { username: user.value, password: pass.value });
    if (!r.ok) { msg.textContent = r.data.error; return; }
    me = r.data.user; signedIn();
  } }, h('h2', {}, 'Sign in'), h('label', {}, 'User name', user), h('label', {}, 'Password', pass),
    h('button', { type: 'submit', id: 'signin' }, 'Sign in'), msg));
}

function signedIn() {
  showWho();
  if (!location.hash || location.hash === '#') location.hash = '#scenarios'; else route();
}

// the signed-in user in the heading, with its roles, and the pages they open
function showWho() {
  document.getElementById('nav').hidden = false;
  document.getElementById('nav-users').hidden = !me.roles.includes('ADMIN');
  document.getElementById('who').replaceChildren(
    h('a', { href: '#account', id: 'account-link', title: 'Your account: change your password' }, me.username),
    ` · ${me.nation} · ${me.roles.join(', ')}`,
    h('button', { id: 'signout', onclick: async () => { await api('POST', '/api/logout'); me = null; location.hash = ''; showLogin(); } }, 'Sign out'));
}

const routes = {
  scenarios: pageScenarios, plans: pagePlans, plan: pagePlan, compare: pageCompare,
  orders: pageOrders, readiness: pageReadiness, users: pageUsers, sourcing: pageSourcing,
  account: pageAccount,
};
function route() {
  if (!me) return;
  const [name, arg] = location.hash.slice(1).split('/');
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#' + name));
  clear();
  (routes[name] || pageScenarios)(arg);
}
window.addEventListener('hashchange', route);

// ---- scenarios: list, validate and import with faults against the line
async function pageScenarios() {
  const main = view;
  const r = await api('GET', '/api/scenarios');
  main.append(h('h2', {}, 'Scenarios'));
  if (!r.data.length) main.append(h('p', { class: 'empty' }, 'No scenario releasable to you yet.'));
  else main.append(table(['Id', 'Name', 'Owner', 'Marking', 'Lines you see', ''],
    r.data.map(s => [String(s.id), s.name, s.owner, h('span', { class: 'marking' }, s.marking), String(s.visibleLines),
      h('span', {}, me.roles.includes('PLANNER') ? h('button', { class: 'run-plan', 'data-scenario': s.id, onclick: () => runPlan(s.id) }, 'Run plan') : '')])));
  const file = h('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml,.json' });
  const marking = h('input', { id: 'import-marking', value: 'REL NATO', size: 16 });
  const out = h('div', { id: 'import-result' });
  async function send(path) {
    const f = file.files[0];
    if (!f) { out.replaceChildren(h('p', { class: 'error' }, 'Choose a file first.')); return; }
    const text = await f.text();
    const q = `?file=${encodeURIComponent(f.name)}&marking=${encodeURIComponent(marking.value)}`;
    const res = await api('POST', path + q, text, true);
    const faults = (res.data && (res.data.faults || res.data.details)) || [];
    const head = res.status === 201 ? h('p', {}, `Imported as scenario ${res.data.id}.`)
      : res.ok ? h('p', {}, res.data.valid ? 'Valid.' : 'Refused.') : err(res);
    out.replaceChildren(head, faultView(text, faults));
    if (res.status === 201) setTimeout(route, 800);
  }
  // validating and importing need the PLANNER role, as the API checks
  if (!me.roles.includes('PLANNER')) {
    main.append(h('div', { class: 'card', id: 'import-card' }, h('h3', {}, 'Import a scenario'),
      h('p', {}, 'Validating and importing a scenario needs the PLANNER role.')));
    return;
  }
  main.append(h('div', { class: 'card', id: 'import-card' }, h('h3', {}, 'Import a scenario'),
    h('form', { class: 'inline', onsubmit: e => e.preventDefault() }, h('label', {}, 'Scenario file ', file), ' ', h('label', {}, 'Releasable ', marking),
      h('button', { id: 'validate', onclick: () => send('/api/scenarios/validate') }, 'Validate'), ' ',
      h('button', { id: 'import', onclick: () => send('/api/scenarios') }, 'Import')), out));
}

function faultView(text, faults) {
  if (!faults.length) return h('p', {}, 'No faults.');
  const byLine = {};
  faults.forEach(f => { (byLine[f.line] = byLine[f.line] || []).push(f); });
  const list = table(['Line', 'Severity', 'Where', 'Field', 'Value', 'Message'], faults.map(f => [
    h('a', { href: '#', onclick: e => { e.preventDefault(); const el = document.getElementById('src-' + f.line); if (el) el.scrollIntoView({ block: 'center' }); } }, String(f.line)),
    h('span', { class: f.severity === 'ERROR' ? 'error' : 'warning' }, f.severity), f.where, f.field, f.value ?? '',
    f.message + (f.hint ? ' — Maybe ' + f.hint : '')]));
  const lines = text.split('\n');
  const src = h('pre', { class: 'source', id: 'fault-source' }, lines.map((l, i) => {
    const fs = byLine[i + 1];
    const cls = fs ? (fs.some(f => f.severity === 'ERROR') ? 'fault-line' : 'warn-line') : null;
    return h('span', { id: 'src-' + (i + 1), class: cls, title: fs ? fs.map(f => f.message).join('\n') : null }, h('i', {}, String(i + 1)), l);
  }));
  return h('div', {}, list, h('h3', {}, 'Source'), src);
}

async function runPlan(scenarioId) {
  const r = await api('POST', `/api/scenarios/${scenarioId}/plans`, { planner: 'lns' });
  if (!r.ok) { alert(r.data.error); return; }
  location.hash = '#plans';
}

// ---- plans: list with live progress
function progressCell(p) {
  const bar = h('div', { style: `width:${Math.round(100 * p.progress)}%` });
  const label = h('span', { class: 'eta' }, ` ${Math.round(100 * p.progress)}% ${p.phase || ''}${p.etaSeconds != null ? ' · ETA ' + Math.ceil(p.etaSeconds) + ' s' : ''}`);
  return h('span', { id: 'progress-' + p.id }, h('span', { class: 'progress' }, bar), label);
}
async function pagePlans() {
  const main = view;
  // a plan's scenario by its name: every plan listed has a scenario the reader sees
  const [r, sc] = await Promise.all([api('GET', '/api/plans'), api('GET', '/api/scenarios')]);
  const scenarioName = scenarioNames(sc);
  main.append(h('h2', {}, 'Plans'));
  const rows = r.data.slice().reverse();
  const msg = h('p', { class: 'error', id: 'plan-action-error' });
  // only planners of the plan's own nation may cancel it; the answer is shown, a refusal in words
  const cancel = p => h('button', { class: 'plan-cancel', 'data-plan': p.id, onclick: async ev => {
    ev.target.disabled = true;
    const c = await api('POST', `/api/plans/${p.id}/cancel`);
    if (!c.ok) { msg.textContent = (c.data && c.data.error) || `plan ${p.id} could not be cancelled`; ev.target.disabled = false; return; }
    msg.textContent = '';
    // a queued plan is cancelled at once; a running one stops at its planner's next step
    ev.target.replaceWith(h('span', { class: 'cancelling' }, c.data.status === 'CANCELLED' ? 'cancelled before it started'
      : 'cancelling: the planner stops with the plan found so far'));
  } }, 'Cancel');
  // a plan cancelled while the planner ran keeps the plan found so far, and opens like a finished one
  const note = p => p.status === 'CANCELLED' ? h('span', {}, ' ' + (p.result ? 'stopped early; the plan found so far is kept' : 'cancelled before it started'))
    : p.error ? h('span', { class: 'error' }, ' ' + p.error) : '';
  if (!rows.length) main.append(h('p', { class: 'empty' }, 'No plan releasable to you yet.'
    + (me.roles.includes('PLANNER') ? ' Run one from the Scenarios page.' : '')));
  else main.append(table(['Id', 'Scenario', 'Planner', 'Owner', 'Marking', 'Started', 'Finished', 'Status', 'Progress', ''], rows.map(p => [
    String(p.id), h('span', { class: 'plan-scenario' }, scenarioText(scenarioName[p.scenario], p.scenario)), p.planner, p.owner,
    h('span', { class: 'marking' }, p.marking), utc(p.startedAt), utc(p.finishedAt),
    h('span', { class: 'status-' + p.status, id: 'status-' + p.id }, p.status), progressCell(p),
    h('span', {}, p.result ? h('a', { href: '#plan/' + p.id, class: 'open-plan' }, 'Open') : '',
      (p.status === 'RUNNING' || p.status === 'QUEUED') && me.roles.includes('PLANNER') && p.owner === me.nation ? cancel(p) : '',
      note(p))])), msg);
  rows.filter(p => p.status === 'RUNNING' || p.status === 'QUEUED').forEach(p => {
    const es = new EventSource(`/api/plans/${p.id}/events`);
    es.addEventListener('progress', ev => {
      const q = JSON.parse(ev.data);
      const cell = document.getElementById('progress-' + q.id);
      if (!cell) { es.close(); return; }
      cell.replaceWith(progressCell(q));
      const st = document.getElementById('status-' + q.id);
      st.textContent = q.status; st.className = 'status-' + q.status;
      if (q.status !== 'RUNNING' && q.status !== 'QUEUED') { es.close(); setTimeout(route, 300); }
    });
    es.onerror = () => es.close();
  });
}

// ---- one plan
// closureDay is -1 in a plan that delivers nothing
function closureText(d) { return d >= 0 ? 'C+' + d : 'nothing delivered'; }

function measuresView(m) {
  return h('div', { class: 'measures' },
    h('span', {}, 'Closure day ', h('b', { class: 'closure-day' }, closureText(m.closureDay))),
    h('span', {}, 'Late ULNs ', h('b', {}, String(m.lateUlns))),
    h('span', {}, 'On time ', h('b', {}, String(m.onTimeUlns))),
    h('span', {}, 'Late ston-days ', h('b', {}, fmt(m.lateStonDays, 0))),
    h('span', {}, 'Missions ', h('b', {}, String(m.missions))),
    m.hiddenLines ? h('span', { class: 'warning' }, `${m.note || ''} ${m.hiddenLines} lines and ${m.hiddenMissions} missions not releasable to you`) : '');
}
// the day axis of a chart, named under its labels where the name has room (at the axis' end it was
// cut to 'd' at the chart's right edge)
function dayAxis(axis) { return Object.assign({ name: 'day', nameLocation: 'middle', nameGap: 24 }, axis); }
function closureOption(series) {
  // the legend in one row right of the axis name, paged when the plans' names (ids of up to 16
  // digits) do not fit: wrapped, it ran over the axis name and into the curves
  return {
    tooltip: { trigger: 'axis' }, legend: { type: 'scroll', left: 80, right: 10 }, grid: { left: 45, right: 20, top: 30, bottom: 45 },
    xAxis: dayAxis({ type: 'value', min: 0 }), yAxis: { type: 'value', name: '% closed', max: 100 },
    series: series.flatMap(s => [
      { name: s.name + ' closed', type: 'line', showSymbol: false, data: s.curve.map(c => [c[0], c[1]]) },
      { name: s.name + ' required', type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: s.curve.map(c => [c[0], c[2]]) }]),
  };
}
async function pagePlan(id) {
  const main = view;
  const s = await api('GET', `/api/plans/${id}/summary`);
  if (!s.ok) { main.append(err(s)); return; }
  const sum = s.data;
  const sc = await api('GET', `/api/scenarios/${sum.plan.scenario}/network`);
  // the scenario by its name, as the plans list gives it (the heading said 'scenario 12')
  const scenario = scenarioText(sc.ok ? sc.data.name : null, sum.plan.scenario);
  main.append(h('h2', {}, `Plan ${id} · `, h('span', { class: 'plan-scenario' }, scenario), ` · ${sum.plan.planner} `,
    h('span', { class: 'marking' }, sum.plan.marking)));
  main.append(h('div', { class: 'card', id: 'plan-measures' }, measuresView(sum.measures)));
  const c1 = h('div', { class: 'chart', id: 'closure-chart' });
  const c2 = h('div', { class: 'chart', id: 'missions-chart' });
  const c3 = h('div', { class: 'chart', id: 'load-chart' });
  const map = h('div', { id: 'flow-map' });
  main.append(h('div', { class: 'row' }, h('div', { class: 'card' }, h('h3', {}, 'Closure'), c1),
    h('div', { class: 'card' }, h('h3', {}, 'Missions begun per day'), c2)));
  main.append(h('div', { class: 'row' }, h('div', { class: 'card' }, h('h3', {}, 'Airfield and berth load (peak on ground ÷ MOG or berths)'), c3),
    h('div', { class: 'card' }, h('h3', {}, 'Flow map'), map)));
  chart(c1, closureOption([{ name: 'plan ' + id, curve: sum.closureCurve }]));
  const lifts = Object.keys(sum.missionsPerDay);
  chart(c2, { tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { left: 40, right: 20, top: 30, bottom: 45 },
    xAxis: dayAxis({ type: 'category', data: (sum.missionsPerDay[lifts[0]] || []).map((_, i) => i) }), yAxis: { type: 'value' },
    series: lifts.map(l => ({ name: l, type: 'bar', stack: 'm', data: sum.missionsPerDay[l] })) }, 'canvas');
  const nodes = sum.nodeLoad.map(n => n.node);
  const heat = [];
  sum.nodeLoad.forEach((n, y) => n.peakPerDay.forEach((v, x) => { if (v) heat.push([x, y, n.capacity ? +(v / n.capacity).toFixed(2) : v]); }));
  c3.style.height = Math.max(200, 24 * nodes.length + 100) + 'px';
  // the colour scale below the day axis' name, its ends and handles in figures of one decimal
  // (its handles said 0 and 1 over the day labels, and the axis had no name)
  chart(c3, { tooltip: {}, grid: { left: 70, right: 20, top: 10, bottom: 90 },
    xAxis: dayAxis({ type: 'category', data: (sum.nodeLoad[0] ? sum.nodeLoad[0].peakPerDay : []).map((_, i) => i) }),
    yAxis: { type: 'category', data: nodes },
    visualMap: { min: 0, max: 1.2, precision: 1, orient: 'horizontal', left: 'center', bottom: 8, itemWidth: 14, itemHeight: 200,
      text: ['or more', 'load ÷ capacity'], calculable: true, inRange: { color: ['#e8f1fa', '#2f7ec1', '#c12f2f'] } },
    series: [{ type: 'heatmap', data: heat }] }, 'canvas');
  if (sc.ok) map.append(flowMap(sc.data.nodes, sum.flows));
  main.append(h('div', { class: 'card' }, h('a', { href: `/api/plans/${id}/report.html`, target: '_blank', id: 'report-link' },
    'Full report with the world map (as the command line writes it, over what you may see)')));
  const late = h('div', { id: 'late-lines' });
  main.append(h('div', { class: 'card' }, h('h3', {}, 'Late lines and why'), late));
  pagedTable(late, `/api/plans/${id}/lines?late=true`, ['ULN', 'Unit', 'Nation', 'RDD', 'Closure day', 'Days late', 'Reason'],
    l => [l.uln, l.unit || '', l.nation || '', String(l.rdd ?? ''), String(l.closureDay), String(l.lateDays), l.reason || ''],
    'No line you may see is late.');
  const ms = h('div', { id: 'missions' });
  main.append(h('div', { class: 'card' }, h('h3', {}, 'Mission timeline'), ms));
  pagedTable(ms, `/api/plans/${id}/missions`, ['Mission', 'Lift', 'Tail', 'Stops', 'Begin (h)', 'End (h)', 'Loads', 'Timeline'],
    m => [m.id, m.lift, String(m.tail), m.stops.map(s => s.node).join(' → '), fmt(m.stops[0].arrive), fmt(m.stops[m.stops.length - 1].depart),
      m.loads.map(l => l.uln).join(', '), timelineBar(m, sum.closureCurve.length * 24)], 'No mission of this plan is releasable to you.');
}
function timelineBar(m, horizonHours) {
  const a = m.stops[0].arrive, b = m.stops[m.stops.length - 1].depart;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', 240); svg.setAttribute('height', 10);
  const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  r.setAttribute('x', 240 * a / horizonHours); r.setAttribute('width', Math.max(1, 240 * (b - a) / horizonHours));
  r.setAttribute('height', 10); r.setAttribute('fill', '#2f7ec1');
  svg.append(r);
  return svg;
}
// one page of a list; an empty list says why in words (empty), not as a table of headers alone
// the answer to the table's latest request is the one shown: an earlier one that comes back after
// it (the board of the day chosen before, the page left) is dropped
async function pagedTable(el, path, headers, row, empty, page = 0) {
  const sep = path.includes('?') ? '&' : '?';
  const asked = (el.asked || 0) + 1;
  el.asked = asked;
  const r = await api('GET', `${path}${sep}page=${page}&size=50`);
  if (el.asked !== asked) return;
  if (!r.ok) { el.replaceChildren(err(r)); return; }
  if (r.data.total === 0) { el.replaceChildren(h('p', { class: 'empty' }, empty)); return; }
  const pages = Math.max(1, Math.ceil(r.data.total / r.data.size));
  el.replaceChildren(h('div', { class: 'pager' }, `${r.data.total} ${r.data.total === 1 ? 'row' : 'rows'} · page ${page + 1} of ${pages} `,
    page > 0 ? h('button', { onclick: () => pagedTable(el, path, headers, row, empty, page - 1) }, '‹ prev') : '',
    page + 1 < pages ? h('button', { onclick: () => pagedTable(el, path, headers, row, empty, page + 1) }, 'next ›') : ''),
    table(headers, r.data.items.map(row)));
}
function flowMap(nodes, flows) {
  // equirectangular projection of the nodes' bounding box, with a graticule every 10 degrees
  const W = 560, H = 320, pad = 20;
  const lons = nodes.map(n => n.lon), lats = nodes.map(n => n.lat);
  const x0 = Math.min(...lons) - 3, x1 = Math.max(...lons) + 3, y0 = Math.min(...lats) - 3, y1 = Math.max(...lats) + 3;
  const px = lon => pad + (W - 2 * pad) * (lon - x0) / (x1 - x0);
  const py = lat => H - pad - (H - 2 * pad) * (lat - y0) / (y1 - y0);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`); svg.setAttribute('width', '100%'); svg.setAttribute('id', 'flow-svg');
  const el = (t, a) => { const e = document.createElementNS(ns, t); for (const k in a) e.setAttribute(k, a[k]); svg.append(e); return e; };
  el('rect', { x: 0, y: 0, width: W, height: H, fill: '#eef4f9' });
  for (let g = Math.ceil(x0 / 10) * 10; g <= x1; g += 10) el('line', { x1: px(g), x2: px(g), y1: pad, y2: H - pad, stroke: '#cdd9e4' });
  for (let g = Math.ceil(y0 / 10) * 10; g <= y1; g += 10) el('line', { y1: py(g), y2: py(g), x1: pad, x2: W - pad, stroke: '#cdd9e4' });
  const byId = Object.fromEntries(nodes.map(n => [n.id, n]));
  const max = Math.max(1, ...flows.map(f => f.missions));
  flows.forEach(f => {
    const a = byId[f.from], b = byId[f.to];
    if (!a || !b) return;
    const l = el('line', { x1: px(a.lon), y1: py(a.lat), x2: px(b.lon), y2: py(b.lat), stroke: '#c15a2f', 'stroke-opacity': 0.6, 'stroke-width': 0.5 + 5 * f.missions / max });
    const t = document.createElementNS(ns, 'title'); t.textContent = `${f.from} → ${f.to}: ${f.missions} missions`; l.append(t);
  });
  nodes.filter(n => n.kind === 'AIRFIELD' || n.kind === 'SEAPORT').forEach(n => {
    el('circle', { cx: px(n.lon), cy: py(n.lat), r: 3, fill: n.kind === 'AIRFIELD' ? '#1f3b57' : '#2f8f5a' });
    el('text', { x: px(n.lon) + 4, y: py(n.lat) - 3 }).textContent = n.id;
  });
  return svg;
}

// ---- two plans side by side
async function pageCompare() {
  const main = view;
  const [r, sc] = await Promise.all([api('GET', '/api/plans'), api('GET', '/api/scenarios')]);
  const done = r.data.filter(p => p.result);
  main.append(h('h2', {}, 'Compare two plans'));
  if (done.length < 2) {
    main.append(h('p', { class: 'empty' }, `Comparing needs two finished plans releasable to you; you see ${done.length}.`));
    return;
  }
  // each plan named as the plans list and the plan page name it: its scenario by name and id, its
  // planner and when it finished (plans of one scenario and planner were told apart by id alone)
  const scenarioName = scenarioNames(sc);
  const name = Object.fromEntries(done.map(p => [p.id, `plan ${p.id} · ${scenarioText(scenarioName[p.scenario], p.scenario)} · ${p.planner}`
    + (p.finishedAt ? ` · ${p.status === 'CANCELLED' ? 'stopped early' : 'finished'} ${utc(p.finishedAt)}` : '')]));
  const a = h('select', { id: 'cmp-a' }, done.map(p => h('option', { value: p.id }, name[p.id])));
  const b = h('select', { id: 'cmp-b' }, done.map((p, i) => h('option', { value: p.id, selected: i === 1 }, name[p.id])));
  const out = h('div', { id: 'compare-out' });
  main.append(h('div', { class: 'card' }, h('label', {}, 'Plan ', a), ' vs ', h('label', {}, 'plan ', b), ' ', h('button', { id: 'compare', onclick: show }, 'Compare')), out);
  async function show() {
    const [x, y] = await Promise.all([a.value, b.value].map(id => api('GET', `/api/plans/${id}/summary`)));
    if (!x.ok || !y.ok) { out.replaceChildren(err(x.ok ? y : x)); return; }
    const keys = ['closureDay', 'lateUlns', 'onTimeUlns', 'lateStonDays', 'missions', 'lines'];
    const c = h('div', { class: 'chart' });
    out.replaceChildren(h('div', { class: 'row' },
      h('div', { class: 'card' }, table(['Measure', name[a.value], name[b.value]], keys.map(k => k === 'closureDay' ? [k, closureText(x.data.measures[k]), closureText(y.data.measures[k])] : [k, fmt(x.data.measures[k], 0), fmt(y.data.measures[k], 0)]))),
      h('div', { class: 'card' }, c)));
    chart(c, closureOption([{ name: 'plan ' + a.value, curve: x.data.closureCurve }, { name: 'plan ' + b.value, curve: y.data.closureCurve }]));
  }
  if (done.length) show();
}

// ---- orders: draft, approve by another user, issue
async function pageOrders() {
  const main = view;
  main.append(h('h2', {}, 'Orders'));
  if (me.roles.includes('PLANNER')) {
    const f = { kind: h('select', { id: 'order-kind' }, ['ALERT', 'DEPLOY', 'STAND_DOWN'].map(k => h('option', {}, k))),
      units: h('input', { id: 'order-units', placeholder: 'UICs, comma separated', size: 28 }),
      notice: h('input', { id: 'order-notice', type: 'number', value: 48, size: 5 }),
      destination: h('input', { id: 'order-destination', size: 8 }), cDay: h('input', { id: 'order-cday', type: 'date' }),
      ready: h('input', { id: 'order-ready', type: 'date' }), note: h('input', { id: 'order-note', size: 30 }),
      marking: h('input', { id: 'order-marking', value: me.nation + ' ONLY', size: 14 }),
      effective: h('input', { id: 'order-effective', type: 'datetime-local' }) };
    const msg = h('span', { class: 'error', id: 'order-error' });
    // each kind's own fields only: ALERT the notice to move, DEPLOY destination, C-day and ready date
    const kindLabels = { notice: h('label', {}, 'Notice (h) ', f.notice), destination: h('label', {}, 'Destination ', f.destination),
      cDay: h('label', {}, 'C-day ', f.cDay), ready: h('label', {}, 'Ready ', f.ready) };
    const showKindFields = () => {
      const k = f.kind.value;
      kindLabels.notice.hidden = k !== 'ALERT';
      for (const x of ['destination', 'cDay', 'ready']) kindLabels[x].hidden = k !== 'DEPLOY';
    };
    f.kind.addEventListener('change', showKindFields);
    main.append(h('div', { class: 'card' }, h('h3', {}, 'Draft an order'), h('form', { class: 'inline', onsubmit: async e => {
      e.preventDefault();
      // each kind takes its own fields; the others are left out, as the server refuses them
      const body = { kind: f.kind.value, units: f.units.value.split(',').map(s => s.trim()).filter(Boolean),
        note: f.note.value, marking: f.marking.value };
      // the time it takes effect, in UTC; the time of drafting when left empty
      if (f.effective.value) body.effective = f.effective.value;
      if (f.kind.value === 'ALERT') body.noticeToMoveHours = f.notice.value ? +f.notice.value : null;
      if (f.kind.value === 'DEPLOY') Object.assign(body, { destination: f.destination.value || null,
        cDay: f.cDay.value || null, readyDate: f.ready.value || null });
      const r = await api('POST', '/api/orders', body);
      if (!r.ok) { msg.textContent = r.data.error; return; }
      route();
    } }, h('label', {}, 'Kind ', f.kind), h('label', {}, 'Units ', f.units), kindLabels.notice,
      kindLabels.destination, kindLabels.cDay, kindLabels.ready,
      h('label', {}, 'Note ', f.note), h('label', {}, 'Releasable ', f.marking), h('label', {}, 'Effective (UTC) ', f.effective), h('button', { type: 'submit', id: 'draft' }, 'Draft'), msg)));
    showKindFields();
  }
  const list = h('div', { id: 'order-list' });
  main.append(h('div', { class: 'card' }, list));
  const msg = h('p', { class: 'error', id: 'order-action-error' });
  main.append(msg);
  const act = (o, verb) => h('button', { class: `order-${verb}`, 'data-order': o.id, onclick: async ev => {
    if (verb === 'cancel') { ev.target.parentNode.replaceWith(cancelForm(o)); return; }
    const r = await api('POST', `/api/orders/${o.id}/${verb}`);
    if (!r.ok) { msg.textContent = r.data.error; return; }
    route();
  } }, verb[0].toUpperCase() + verb.slice(1));
  // a cancel is not taken back: it asks for the reason the order's history keeps, then confirmation
  const cancelForm = o => {
    const reason = h('input', { id: `cancel-reason-${o.id}`, class: 'cancel-reason', maxlength: 500 });
    return h('span', { class: 'cancel-form' },
      h('label', {}, 'Reason for cancelling ', reason),
      h('button', { class: 'order-cancel-confirm', 'data-order': o.id, onclick: async () => {
        if (!reason.value.trim()) { msg.textContent = `say why order ${o.id} is cancelled: the reason stays in its history`; reason.focus(); return; }
        const r = await api('POST', `/api/orders/${o.id}/cancel`, { reason: reason.value.trim() });
        if (!r.ok) { msg.textContent = r.data.error; return; }
        route();
      } }, 'Confirm cancel'),
      h('button', { class: 'order-cancel-keep', 'data-order': o.id, onclick: () => route() }, 'Keep the order'));
  };
  // only the owner nation's approvers approve (not their own draft), and its planners and approvers
  // issue and cancel: an order released to another nation, or seen by an observer, offers no action
  const ownNation = o => o.owner === me.nation;
  const mayApprove = o => ownNation(o) && me.roles.includes('APPROVER') && o.draftedBy !== me.username;
  const mayIssueOrCancel = o => ownNation(o) && (me.roles.includes('PLANNER') || me.roles.includes('APPROVER'));
  // what the order says, with its units, and when it takes effect, in UTC
  const says = o => [o.noticeToMoveHours != null ? `notice to move ${o.noticeToMoveHours} h` : '',
    o.destination ? `to ${o.destination}` : '', o.cDay ? `C-day ${o.cDay}` : '', o.readyDate ? `ready ${o.readyDate}` : '',
    o.note ? `note: ${o.note}` : '', o.cancelledBy ? `cancelled by ${o.cancelledBy}${o.cancelReason ? ': ' + o.cancelReason : ''}` : '']
    .filter(Boolean).join('; ');
  pagedTable(list, '/api/orders', ['Order', 'Kind', 'Units', 'Order says', 'Effective', 'Status', 'Owner', 'Marking', 'Drafted', 'Approved', 'Issued', ''], o => [
    o.id, o.kind, o.units.join(', '), says(o), utc(o.effective),
    h('span', { class: 'status-' + o.status, id: 'order-status-' + o.id }, o.status), o.owner,
    h('span', { class: 'marking' }, o.marking), o.draftedBy, o.approvedBy || '', o.issuedBy || '',
    h('span', {}, o.status === 'DRAFT' && mayApprove(o) ? act(o, 'approve') : '',
      o.status === 'APPROVED' && mayIssueOrCancel(o) ? act(o, 'issue') : '',
      (o.status === 'DRAFT' || o.status === 'APPROVED') && mayIssueOrCancel(o) ? act(o, 'cancel') : '')],
    'No order releasable to you yet.' + (me.roles.includes('PLANNER') ? ' Draft one above.' : ''));
}

async function pageReadiness() {
  const main = view;
  main.append(h('h2', {}, 'Readiness board'));
  const el = h('div', { id: 'readiness' });
  // each unit's status at the end of the day chosen, a UTC date: today's by default
  const day = h('input', { id: 'readiness-as-of', type: 'date', value: new Date().toISOString().slice(0, 10) });
  // a unit's history as the API gives it: the issued orders releasable to the reader in effect by
  // that day, with nothing a hidden order set (its status before, its notice) shown
  const history = u => h('details', { class: 'unit-history', 'data-uic': u.uic },
    h('summary', {}, `${u.history.length} ${u.history.length === 1 ? 'order' : 'orders'}`),
    table(['Effective', 'Order', 'Kind', 'Status', 'Notice to move (h)', 'Destination', 'Ready date', 'Issued'],
      u.history.map(x => [utc(x.effective), x.orderId, x.kind, x.from ? `${x.from} → ${x.to}` : x.to,
        String(x.noticeToMoveHours ?? ''), x.destination || '', x.readyDate || '', utc(x.at)])));
  const show = () => pagedTable(el, `/api/readiness?asOf=${day.value}`, ['Unit', 'Status', 'Notice to move (h)', 'Order', 'Destination', 'Ready date', 'History released to you'],
    u => [u.uic, h('span', { class: 'status-' + u.status }, u.status), String(u.noticeToMoveHours ?? ''), u.order, u.destination || '', u.readyDate || '', history(u)],
    `No unit has a status on ${day.value} from an issued order releasable to you.`);
  day.addEventListener('change', () => { if (day.value) show(); });
  main.append(h('div', { class: 'card' }, h('label', {}, 'Status as of the end of ', day, ' (UTC)'), el));
  show();
}

// ---- sourcing: stored force catalogues; choose catalogue units for capability requirements, with reasons
async function pageSourcing() {
  const main = view;
  main.append(h('h2', {}, 'Sourcing'));
  const [sc, bundled, cats] = await Promise.all([api('GET', '/api/scenarios'), api('GET', '/api/sourcing/bundled'), api('GET', '/api/catalogues')]);
  const b = bundled.data || {};
  const stored = cats.ok ? cats.data : [];
  main.append(catalogueCard(stored));
  const net = h('select', { id: 'source-network' }, sc.data.map(s => h('option', { value: s.id }, `${s.id} ${s.name}`)));
  const rf = h('input', { id: 'source-req-file', value: b.requirementsFile || 'requirements.yaml', size: 34 });
  const rt = h('textarea', { id: 'source-req', rows: 10, cols: 70, 'aria-label': 'Capability requirements text' }, b.requirements || '');
  const catSel = h('select', { id: 'source-cat-id' }, stored.map(c => h('option', { value: c.id }, `catalogue ${c.id} ${c.name} (${c.units} units, ${c.owner}, ${c.marking})`)),
    h('option', { value: '' }, 'the catalogue text below'));
  const cf = h('input', { id: 'source-cat-file', value: b.catalogueFile || 'catalogue.yaml', size: 34 });
  const ct = h('textarea', { id: 'source-cat', rows: 10, cols: 70, 'aria-label': 'Force catalogue text' }, b.catalogue || '');
  const inline = h('div', { id: 'source-cat-inline' }, h('label', {}, 'Catalogue file name ', cf), h('br'), ct);
  const showInline = () => { inline.hidden = catSel.value !== ''; };
  catSel.addEventListener('change', showInline); showInline();
  const out = h('div', { id: 'source-out' });
  async function run(save) {
    const body = { requirementsFile: rf.value, requirements: rt.value, save };
    if (catSel.value) body.catalogueId = +catSel.value; else { body.catalogueFile = cf.value; body.catalogue = ct.value; }
    const r = await api('POST', `/api/scenarios/${net.value}/source`, body);
    const d = r.data || {};
    out.replaceChildren(r.ok ? '' : err(r), sourcingResultView(d.details || d, r.ok ? d.run : null, d.scenario));
    if (r.ok) listRuns();
  }
  const runs = h('div', { id: 'source-runs' });
  const listRuns = () => pagedTable(runs, '/api/sourcing/runs', ['Run', 'Scenario', 'Catalogue', 'Requirements', 'Owner', 'Marking', 'Chosen', 'Unfilled', 'Cost', 'By', 'At', ''],
    x => [String(x.id), String(x.scenario), x.catalogue != null ? `${x.catalogue} (${x.catalogueFile})` : x.catalogueFile + ' (text)', x.requirementsFile,
      x.owner, h('span', { class: 'marking' }, x.marking), String(x.choices), String(x.unfilled), String(x.totalCost), x.createdBy || '',
      utc(x.createdAt),
      h('button', { class: 'open-run', 'data-run': x.id, onclick: async () => {
        const g = await api('GET', `/api/sourcing/runs/${x.id}`);
        out.replaceChildren(g.ok ? sourcingResultView(g.data.result, g.data.id, g.data.savedScenario) : err(g));
        out.scrollIntoView({ block: 'start' });
      } }, 'Open')], 'No stored sourcing run releasable to you yet.');
  // sourcing needs the PLANNER role, as the API checks; stored runs are read by every role
  const form = me.roles.includes('PLANNER')
    ? h('div', { class: 'card', id: 'source-form' }, h('label', {}, 'Network scenario ', net),
      h('h3', {}, 'Capability requirements'), h('label', {}, 'Requirements file name ', rf), h('br'), rt,
      h('h3', {}, 'Force catalogue'), h('label', {}, 'Catalogue ', catSel), inline, h('br'),
      h('button', { id: 'source-run', onclick: () => run(false) }, 'Source'), ' ',
      h('button', { id: 'source-save', onclick: () => run(true) }, 'Source and save as scenario'))
    : h('div', { class: 'card', id: 'source-form' }, h('p', {}, 'Sourcing needs the PLANNER role; the stored runs below can be opened.'));
  main.append(form, out, h('div', { class: 'card' }, h('h3', {}, 'Stored sourcing runs'), runs));
  listRuns();
}

// one sourcing result: each chosen unit with why, each empty slot with every unit's reason, the report
function sourcingResultView(d, runId, savedScenario) {
  const faults = d.faults || [];
  const assignments = d.assignments || [];
  const unfilled = d.unfilledSlots || [];
  return h('div', { id: 'source-result' },
    runId ? h('h3', {}, `Sourcing run ${runId}`, d.marking ? ' ' : '', d.marking ? h('span', { class: 'marking' }, d.marking) : '') : '',
    faults.length ? h('pre', { class: 'error' }, faults.join('\n')) : '',
    savedScenario ? h('p', {}, `Saved as scenario ${savedScenario}: `, h('a', { href: '#scenarios' }, 'plan it')) : '',
    assignments.length ? h('div', {}, h('h4', {}, 'Chosen units and why'),
      table(['Requirement', 'Slot', 'Unit', 'Why', 'Next alternatives'], assignments.map(a => [a.requirementId, String(a.slot), a.uic, a.why,
        h('span', {}, ...(a.alternatives || []).flatMap((x, i) => i ? [h('br'), x] : [x]))]))) : '',
    unfilled.length ? h('div', { id: 'source-unfilled' }, h('h4', {}, 'Slots left empty and why'),
      table(['Requirement', 'Slot', 'Cost of leaving it', 'Reasons, unit by unit'], unfilled.map(u => [u.requirementId, String(u.slot), String(u.cost),
        h('details', {}, h('summary', {}, `${u.reasons.length} units`), h('pre', {}, u.reasons.join('\n')))]))) : '',
    d.report ? h('pre', { id: 'source-report', class: 'source' }, d.report) : '');
}

function catalogueCard(stored) {
  const planner = me.roles.includes('PLANNER');
  const msg = h('span', { class: 'error', id: 'catalogue-error' });
  const rows = stored.map(c => [String(c.id), c.name, c.owner, h('span', { class: 'marking' }, c.marking), String(c.units), c.status,
    c.createdBy || 'bundled', utc(c.createdAt),
    h('span', {}, h('a', { href: `/api/catalogues/${c.id}/export`, target: '_blank' }, 'file'), ' ',
      planner && c.owner === me.nation ? h('button', { class: 'catalogue-withdraw', 'data-catalogue': c.id, onclick: async () => {
        if (!confirm(`Withdraw catalogue ${c.id}? It stays on record but is no longer used for sourcing.`)) return;
        const r = await api('DELETE', `/api/catalogues/${c.id}`);
        if (!r.ok) { msg.textContent = r.data.error; return; }
        route();
      } }, 'Withdraw') : '')]);
  const card = h('div', { class: 'card', id: 'catalogues' }, h('h3', {}, 'Force catalogues'),
    stored.length ? table(['Id', 'Name', 'Owner', 'Marking', 'Units', 'Status', 'Imported by', 'At', ''], rows) : h('p', {}, 'No catalogue releasable to you yet.'));
  if (planner) {
    const file = h('input', { type: 'file', id: 'catalogue-file', accept: '.yaml,.yml,.json,.csv' });
    const marking = h('input', { id: 'catalogue-marking', value: 'REL NATO', size: 16 });
    const sup = h('select', { id: 'catalogue-supersedes' }, h('option', { value: '' }, 'a new catalogue'),
      stored.filter(c => c.owner === me.nation).map(c => h('option', { value: c.id }, `a new version of catalogue ${c.id}`)));
    const out = h('div', { id: 'catalogue-import-result' });
    card.append(h('form', { class: 'inline', onsubmit: async e => {
      e.preventDefault();
      const f = file.files[0];
      if (!f) { out.replaceChildren(h('p', { class: 'error' }, 'Choose a file first.')); return; }
      const text = await f.text();
      const q = `?file=${encodeURIComponent(f.name)}&marking=${encodeURIComponent(marking.value)}` + (sup.value ? `&supersedes=${sup.value}` : '');
      const r = await api('POST', '/api/catalogues' + q, text, true);
      if (r.status === 201) { out.replaceChildren(h('p', {}, `Stored as catalogue ${r.data.id}.`)); setTimeout(route, 800); return; }
      out.replaceChildren(err(r), r.data && Array.isArray(r.data.details) ? faultView(text, r.data.details) : '');
    } }, h('label', {}, 'Import catalogue file ', file), ' ', h('label', {}, 'Releasable ', marking), ' ', h('label', {}, 'as ', sup), ' ',
      h('button', { type: 'submit', id: 'catalogue-import' }, 'Import')), msg, out);
  }
  return card;
}

// ---- users (administrators)
const ROLES = ['PLANNER', 'APPROVER', 'LIAISON', 'OBSERVER', 'ADMIN'];
async function pageUsers() {
  const main = view;
  main.append(h('h2', {}, 'Users'));
  const r = await api('GET', '/api/users');
  if (!r.ok) { main.append(err(r)); return; }
  // each user's state and roles, and the actions the server takes from this administrator: not
  // the server's first administrator by another, not the nation's last active administrator
  const stateSaid = h('p', { id: 'state-said' });
  const rolesSaid = h('p', { id: 'roles-said' });
  const list = h('div', { class: 'card', id: 'user-list' });
  const draw = users => {
    const admins = users.filter(u => u.active && u.roles.includes('ADMIN')).length;
    const action = u => {
      if (!u.active) return h('button', { class: 'activate-user', 'data-user': u.username, onclick: () => setActive(u, true) }, 'Reactivate');
      if (u.firstAdministrator && u.username !== me.username) return h('span', {}, "the server's first administrator");
      if (u.roles.includes('ADMIN') && admins === 1) return h('span', {}, `the last active administrator of ${u.nation}`);
      return h('button', { class: 'deactivate-user', 'data-user': u.username, onclick: () => setActive(u, false) }, 'Deactivate');
    };
    // the roles as checkboxes to change and save; ADMIN stays with the server's first
    // administrator against another, and with the nation's last active administrator
    const roles = u => {
      const keeps = !u.roles.includes('ADMIN') ? null
        : u.firstAdministrator && u.username !== me.username ? "The server's first administrator keeps the ADMIN role."
        : u.active && admins === 1 ? `The last active administrator of ${u.nation} keeps the ADMIN role.` : null;
      return h('span', { class: 'user-roles', 'data-user': u.username },
        ROLES.map(x => h('label', { title: x === 'ADMIN' ? keeps : null }, h('input', { type: 'checkbox', class: 'user-role', 'data-user': u.username, value: x,
          'aria-label': `${x} for ${u.username}`, checked: u.roles.includes(x), disabled: x === 'ADMIN' && keeps !== null }), x, ' ')),
        h('button', { class: 'save-roles', 'data-user': u.username, onclick: () => saveRoles(u) }, 'Save roles'));
    };
    list.replaceChildren(table(['Id', 'User', 'Nation', 'Roles', 'State', ''], users.map(u => [String(u.id), u.username, u.nation, roles(u),
      h('span', { class: 'user-state', 'data-user': u.username }, u.active ? 'active' : 'deactivated'), action(u)])));
  };
  async function saveRoles(u) {
    const roles = [...list.querySelectorAll(`.user-role[data-user="${u.username}"]:checked`)].map(c => c.value);
    const res = await api('PUT', `/api/users/${encodeURIComponent(u.username)}/roles`, { roles });
    rolesSaid.className = res.ok ? '' : 'error';
    rolesSaid.textContent = !res.ok ? (res.data && res.data.error) || `The server refused this (status ${res.status}) without saying why.`
      : res.data.roles.join() === res.data.previousRoles.join() ? `${res.data.username} holds ${res.data.roles.join(', ')} already; nothing changed.`
      : `Roles of ${res.data.username} set to ${res.data.roles.join(', ')} (were ${res.data.previousRoles.join(', ')}); its open sessions hold them from their next request.`;
    if (res.ok && u.username === me.username) {
      // this administrator's own roles: the heading follows them, and without ADMIN the page goes
      const self = await api('GET', '/api/me');
      if (self.ok) { me = self.data; me.roles.sort(); showWho(); }
      if (!me.roles.includes('ADMIN')) { location.hash = '#scenarios'; return; }
    }
    const again = await api('GET', '/api/users');
    if (again.ok) draw(again.data);
  }
  async function setActive(u, active) {
    const res = await api('POST', `/api/users/${encodeURIComponent(u.username)}/${active ? 'activate' : 'deactivate'}`);
    stateSaid.className = res.ok ? '' : 'error';
    stateSaid.textContent = !res.ok ? (res.data && res.data.error) || `The server refused this (status ${res.status}) without saying why.`
      : active ? `${res.data.username} reactivated; the user may sign in again.`
      : `${res.data.username} deactivated; ${res.data.sessionsEnded === 1 ? '1 session' : res.data.sessionsEnded + ' sessions'} of the user ended.`;
    const again = await api('GET', '/api/users');
    if (again.ok) draw(again.data);
  }
  draw(r.data);
  main.append(list, stateSaid, rolesSaid);
  const f = { name: h('input', { id: 'new-username', size: 14 }), pw: h('input', { id: 'new-password', type: 'password', size: 16 }),
    nation: h('input', { id: 'new-nation', size: 4, value: me.nation }),
    roles: ROLES.map(x => h('label', {}, h('input', { type: 'checkbox', value: x, class: 'new-role' }), x)) };
  const msg = h('span', { class: 'error', id: 'user-error' });
  main.append(h('div', { class: 'card' }, h('h3', {}, 'Create a user'), h('form', { class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const res = await api('POST', '/api/users', { username: f.name.value, password: f.pw.value, nation: f.nation.value,
      roles: [...document.querySelectorAll('.new-role:checked')].map(c => c.value) });
    if (!res.ok) { msg.textContent = res.data.error; return; }
    route();
  } }, h('label', {}, 'User name ', f.name), h('label', {}, 'Password (12+) ', f.pw), h('label', {}, 'Nation ', f.nation), f.roles,
    h('button', { type: 'submit', id: 'create-user' }, 'Create'), msg)));
  // a lost password: set a new one for a user of this nation; the user's sessions end
  const r2 = { name: h('input', { id: 'reset-username', size: 14 }), pw: h('input', { id: 'reset-password', type: 'password', size: 16 }) };
  const said = h('span', { id: 'reset-said' });
  main.append(h('div', { class: 'card' }, h('h3', {}, 'Set a lost password'), h('form', { class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const res = await api('POST', `/api/users/${encodeURIComponent(r2.name.value)}/password`, { password: r2.pw.value });
    said.className = res.ok ? '' : 'error';
    said.textContent = res.ok ? `Password of ${res.data.username} set; ${res.data.sessionsEnded === 1 ? '1 session' : res.data.sessionsEnded + ' sessions'} of the user ended.`
      : (res.data && res.data.error) || `The server refused this (status ${res.status}) without saying why.`;
    if (res.ok) r2.pw.value = '';
  } }, h('label', {}, 'User name ', r2.name), h('label', {}, 'New password (12+) ', r2.pw),
    h('button', { type: 'submit', id: 'reset-user-password' }, 'Set password'), said)));
}

// ---- the signed-in user's own account: a new password, given the current one
function pageAccount() {
  const main = view;
  main.append(h('h2', {}, `Your account: ${me.username}`), h('p', {}, `Nation ${me.nation}; roles ${me.roles.join(', ')}.`));
  const f = { cur: h('input', { id: 'own-current-password', type: 'password', size: 16, autocomplete: 'current-password' }),
    next: h('input', { id: 'own-new-password', type: 'password', size: 16, autocomplete: 'new-password' }),
    again: h('input', { id: 'own-new-password-again', type: 'password', size: 16, autocomplete: 'new-password' }) };
  const said = h('span', { id: 'own-password-said' });
  main.append(h('div', { class: 'card' }, h('h3', {}, 'Change your password'), h('form', { class: 'inline', id: 'own-password', onsubmit: async e => {
    e.preventDefault();
    if (f.next.value !== f.again.value) { said.className = 'error'; said.textContent = 'The new password and its repetition differ.'; return; }
    const res = await api('POST', '/api/me/password', { currentPassword: f.cur.value, newPassword: f.next.value });
    said.className = res.ok ? '' : 'error';
    said.textContent = res.ok ? `Password changed; ${res.data.sessionsEnded === 1 ? '1 other session' : res.data.sessionsEnded + ' other sessions'} of yours ended, this one goes on.`
      : (res.data && res.data.error) || `The server refused this (status ${res.status}) without saying why.`;
    if (res.ok) { f.cur.value = ''; f.next.value = ''; f.again.value = ''; }
  } }, h('label', {}, 'Current password ', f.cur), h('label', {}, 'New password (12+) ', f.next), h('label', {}, 'New password again ', f.again),
    h('button', { type: 'submit', id: 'change-password' }, 'Change password'), said)));
}

(async () => {
  const r = await fetch('/api/me', { credentials: 'same-origin' });
  if (r.ok) { me = await r.json(); signedIn(); } else showLogin();
})();
