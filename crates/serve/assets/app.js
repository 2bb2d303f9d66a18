// sitrep's page: map, timeline, filters, event panel with evidence highlighted.
// Plain browser JavaScript, no build step; talks to /api/v1 on the same origin.
'use strict';
(function () {
  const TYPES = {
    'Battles': '#d62728',
    'Explosions/Remote violence': '#ff7f0e',
    'Violence against civilians': '#9467bd',
    'Protests': '#2ca02c',
    'Riots': '#d4a600',
    'Strategic developments': '#1f77b4',
  };
  const MAX_MARKERS = 5000;
  const PAGE = 1000;
  const $ = (id) => document.getElementById(id);
  const mapEl = $('map');
  const state = { brush: null, stats: null, loadSeq: 0, events: [], selected: null };

  // ---------- helpers ----------
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function color(type) { return TYPES[type] || '#555'; }
  async function api(path) {
    const r = await fetch(path, { credentials: 'same-origin' });
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new Error((body && body.error && body.error.message) || r.status + ' ' + r.statusText);
    return body;
  }
  function filterParams() {
    const p = new URLSearchParams();
    const f = $('filters');
    for (const el of f.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') { if (el.checked) p.set(el.name, 'true'); }
      else if (el.value.trim()) p.set(el.name, el.value.trim());
    }
    return p;
  }
  // The map's query: the filters, with the brushed dates narrowing from/to.
  function mapParams() {
    const p = filterParams();
    if (state.brush) {
      const [a, b] = state.brush;
      const from = p.get('from'), to = p.get('to');
      p.set('from', from && from > a ? from : a);
      p.set('to', to && to < b ? to : b);
      if (p.get('from') > p.get('to')) p.set('to', p.get('from'));
    }
    return p;
  }

  // ---------- map ----------
  const map = L.map(mapEl, { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 }).setView([15, 10], 3);
  map.attributionControl.setPrefix(false);
  fetch('/assets/vendor/countries.geojson').then((r) => r.json()).then((world) => {
    L.geoJSON(world, {
      interactive: false,
      style: { color: '#8b97a8', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 },
    }).addTo(map).bringToBack();
  });
  const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(cluster);

  function markerFor(e) {
    const icon = L.divIcon({
      className: 'ev-marker' + (e.background ? ' background' : ''),
      html: '<span style="background:' + color(e.event_type) + '"></span>',
      iconSize: [14, 14],
    });
    const m = L.marker([e.latitude, e.longitude], { icon: icon, title: e.event_type + ' — ' + (e.location || '') + ' ' + (e.event_date || '') });
    m.on('click', () => showEvent(e.event_id));
    m.on('add', () => { const el = m.getElement(); if (el) el.dataset.eventId = e.event_id; });
    return m;
  }

  async function loadEvents() {
    const seq = ++state.loadSeq;
    mapEl.dataset.state = 'loading';
    const params = mapParams();
    let events = [], total = 0;
    try {
      for (let offset = 0; offset < MAX_MARKERS; offset += PAGE) {
        params.set('limit', String(Math.min(PAGE, MAX_MARKERS - offset)));
        params.set('offset', String(offset));
        const page = await api('/api/v1/events?' + params);
        if (seq !== state.loadSeq) return;
        total = page.total;
        events = events.concat(page.events);
        if (page.events.length < PAGE || events.length >= total) break;
      }
    } catch (err) {
      $('summary').innerHTML = '<span class="error">' + esc(err.message) + '</span>';
      mapEl.dataset.state = 'error';
      return;
    }
    state.events = events;
    const located = events.filter((e) => e.latitude != null && e.longitude != null);
    cluster.clearLayers();
    cluster.addLayers(located.map(markerFor));
    mapEl.dataset.markers = String(located.length);
    mapEl.dataset.total = String(total);
    $('summary').textContent = total + ' event' + (total === 1 ? '' : 's') +
      (events.length < total ? ' (first ' + events.length + ' loaded)' : '') +
      ' · ' + located.length + ' on the map';
    if (located.length) {
      map.fitBounds(L.latLngBounds(located.map((e) => [e.latitude, e.longitude])).pad(0.3), { maxZoom: 8, animate: false });
    }
    renderList(events);
    const dl = $('countries');
    const known = new Set(Array.from(dl.options).map((o) => o.value));
    events.forEach((e) => {
      if (e.country && !known.has(e.country)) { known.add(e.country); const o = document.createElement('option'); o.value = e.country; dl.appendChild(o); }
    });
    mapEl.dataset.seq = String(seq);
    mapEl.dataset.state = 'ready';
  }

  function renderList(events) {
    const items = events.slice(0, 200).map((e) =>
      '<li data-event-id="' + esc(e.event_id) + '"><span class="type-dot" style="background:' + color(e.event_type) + '"></span>' +
      '<b>' + esc(e.sub_event_type) + '</b> ' + esc(e.location || e.country || '') +
      ' <span class="meta">' + esc(e.event_date || 'undated') + (e.background ? ' · background' : '') + ' · ' + esc(e.event_id) + '</span></li>');
    $('list').innerHTML = '<h2>Events</h2>' + (items.length ? '<ol>' + items.join('') + '</ol>' : '<p>No event matches.</p>');
  }
  $('list').addEventListener('click', (ev) => {
    const li = ev.target.closest('li[data-event-id]');
    if (li) showEvent(li.dataset.eventId);
  });

  // ---------- event panel ----------
  const FIELDS = ['event_id', 'event_date', 'date_precision', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'actor2',
    'assoc_actor_2', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities',
    'fatalities_known', 'injured', 'arrested', 'status', 'claimed_by', 'source', 'background', 'confidence', 'corroboration'];

  // Splits the code points of `text[start, end)` at evidence boundaries and wraps each
  // covered piece in <mark> naming its fields. Offsets are Unicode code points, as the
  // contract says: index an array of code points, never the UTF-16 string.
  function highlight(chars, start, end, evidence) {
    const spans = (evidence || []).filter((s) => s.end > start && s.start < end)
      .map((s) => ({ field: s.field, a: Math.max(s.start, start), b: Math.min(s.end, end) }));
    const cuts = new Set([start, end]);
    spans.forEach((s) => { cuts.add(s.a); cuts.add(s.b); });
    const xs = Array.from(cuts).sort((x, y) => x - y);
    let html = '';
    for (let i = 0; i + 1 < xs.length; i++) {
      const a = xs[i], b = xs[i + 1];
      const piece = esc(chars.slice(a, b).join(''));
      const fields = spans.filter((s) => s.a <= a && s.b >= b).map((s) => s.field);
      if (fields.length) {
        const uniq = Array.from(new Set(fields));
        html += '<mark class="ev ' + uniq.map((f) => 'f-' + esc(f)).join(' ') + '" data-field="' + esc(uniq.join(' ')) +
          '" title="' + esc(uniq.join(', ')) + '">' + piece + '</mark>';
      } else html += piece;
    }
    return html;
  }

  async function showEvent(id) {
    const d = $('detail');
    d.hidden = false;
    $('list').hidden = true;
    d.dataset.state = 'loading';
    d.innerHTML = '<p>Loading ' + esc(id) + '…</p>';
    let e;
    try { e = await api('/api/v1/events/' + encodeURIComponent(id)); } catch (err) {
      d.innerHTML = '<p class="error">' + esc(err.message) + '</p>';
      d.dataset.state = 'error';
      return;
    }
    state.selected = id;
    const evFields = new Set((e.evidence || []).map((s) => s.field));
    const rows = FIELDS.filter((f) => e[f] !== undefined && e[f] !== null && e[f] !== '').map((f) =>
      '<tr><th>' + esc(f) + '</th><td>' + esc(e[f]) + (evFields.has(f) ? ' <span class="badge" title="evidence in the text">✓ text</span>' : '') + '</td></tr>');
    if (e.fatalities_reported && e.fatalities_reported.length) {
      rows.push('<tr><th>fatalities reported</th><td>' + esc(e.fatalities_reported.join(', ')) + '</td></tr>');
    }
    const sources = (e.sources && e.sources.length ? e.sources : [{ doc_id: e.doc_id }]);
    const history = (e.merge_history || []).map((h) =>
      '<li>' + esc(h.at || '') + ' ' + esc(h.action) + ' ' + esc(h.doc_id || '') + (h.score != null ? ' (score ' + Number(h.score).toFixed(2) + ')' : '') +
      (h.other_event ? ' → ' + esc(h.other_event) : '') + '</li>');
    d.innerHTML = '<button type="button" class="link" id="back">← all events</button>' +
      '<h2><span class="type-dot" style="background:' + color(e.event_type) + '"></span>' + esc(e.sub_event_type) + ' — ' +
      esc(e.location || e.country || '') + '</h2>' +
      '<table>' + rows.join('') + '</table>' +
      '<h3>Sources (' + sources.length + ')</h3><div id="sources"></div>' +
      (history.length ? '<h3>Merge history</h3><ul class="history">' + history.join('') + '</ul>' : '');
    $('back').onclick = () => { d.hidden = true; $('list').hidden = false; state.selected = null; };
    const box = $('sources');
    for (const s of sources) {
      const div = document.createElement('div');
      div.className = 'source';
      div.dataset.docId = s.doc_id;
      box.appendChild(div);
      let doc = null;
      try { doc = await api('/api/v1/documents/' + encodeURIComponent(s.doc_id)); } catch (err) {
        div.innerHTML = '<div class="meta">' + esc(s.doc_id) + '</div><p class="error">' + esc(err.message) + '</p>';
        continue;
      }
      const chars = Array.from(doc.text || '');
      // This source's own evidence when the store gives it, else the event's (which
      // points into the first document).
      const evidence = s.evidence || (s.doc_id === e.doc_id ? e.evidence : []);
      let start = s.sentence_start, end = s.sentence_end;
      if (start == null || end == null) {
        const spans = evidence || [];
        start = spans.length ? Math.min.apply(null, spans.map((x) => x.start)) : 0;
        end = spans.length ? Math.max.apply(null, spans.map((x) => x.end)) : chars.length;
      }
      const meta = [doc.source || s.outlet, doc.published || s.published, doc.lang, s.doc_id].filter(Boolean).map(esc).join(' · ');
      const link = doc.url ? ' · <a href="' + esc(doc.url) + '" rel="noreferrer noopener" target="_blank">article</a>' : '';
      div.innerHTML = '<div class="meta">' + meta + link + (s.score != null ? ' · link score ' + Number(s.score).toFixed(2) : '') + '</div>' +
        '<p class="sentence">' + highlight(chars, start, end, evidence) + '</p>';
    }
    d.dataset.state = 'ready';
    d.dataset.eventId = id;
  }

  // ---------- timeline ----------
  const svg = $('timeline');
  const DAY = 86400000;
  const toDay = (s) => Date.parse((s.length === 4 ? s + '-01-01' : s.length === 7 ? s + '-01' : s.slice(0, 10)) + 'T00:00:00Z');
  const fmt = (t) => new Date(t).toISOString().slice(0, 10);
  let scale = null;

  function drawTimeline() {
    const days = ((state.stats && state.stats.by_day) || []).filter((d) => !isNaN(toDay(d.date)));
    const w = svg.clientWidth || 800, h = svg.clientHeight || 90, padB = 14;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    if (!days.length) { svg.innerHTML = '<text x="8" y="20">no dated event</text>'; scale = null; return; }
    let t0 = toDay(days[0].date), t1 = toDay(days[days.length - 1].date);
    days.forEach((d) => { const t = toDay(d.date); if (t < t0) t0 = t; if (t > t1) t1 = t; });
    t1 += DAY;
    const n = Math.round((t1 - t0) / DAY);
    const binDays = Math.max(1, Math.ceil(n / Math.max(50, Math.floor(w / 3))));
    const bins = new Map();
    days.forEach((d) => { const k = Math.floor((toDay(d.date) - t0) / DAY / binDays); bins.set(k, (bins.get(k) || 0) + d.count); });
    const max = Math.max.apply(null, Array.from(bins.values()));
    const x = (t) => ((t - t0) / (t1 - t0)) * w;
    scale = { t0: t0, t1: t1, w: w, x: x, t: (px) => t0 + (Math.max(0, Math.min(w, px)) / w) * (t1 - t0) };
    const bw = Math.max(1, (binDays * DAY / (t1 - t0)) * w - 1);
    let out = '';
    bins.forEach((c, k) => {
      const tb = t0 + k * binDays * DAY;
      const bh = Math.max(1, (c / max) * (h - padB - 4));
      const inBrush = !state.brush || (fmt(tb + (binDays - 1) * DAY) >= state.brush[0] && fmt(tb) <= state.brush[1]);
      out += '<rect class="bar' + (inBrush ? '' : ' out') + '" x="' + x(tb).toFixed(1) + '" y="' + (h - padB - bh).toFixed(1) +
        '" width="' + bw.toFixed(1) + '" height="' + bh.toFixed(1) + '"><title>' + fmt(tb) + (binDays > 1 ? ' (+' + (binDays - 1) + ' d)' : '') + ': ' + c + '</title></rect>';
    });
    out += '<text x="2" y="' + (h - 2) + '">' + fmt(t0) + '</text><text x="' + (w - 2) + '" y="' + (h - 2) + '" text-anchor="end">' + fmt(t1 - DAY) + '</text>';
    if (state.brush) {
      const a = x(toDay(state.brush[0])), b = x(toDay(state.brush[1]) + DAY);
      out += '<rect class="brush" x="' + a.toFixed(1) + '" y="0" width="' + Math.max(1, b - a).toFixed(1) + '" height="' + (h - padB) + '"></rect>';
    }
    svg.innerHTML = out;
  }

  let drag = null;
  function px(ev) { const r = svg.getBoundingClientRect(); return ((ev.clientX - r.left) / r.width) * (scale ? scale.w : r.width); }
  svg.addEventListener('mousedown', (ev) => { if (!scale) return; drag = { a: px(ev), b: px(ev) }; ev.preventDefault(); });
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    drag.b = px(ev);
    let r = svg.querySelector('rect.brush');
    if (!r) { r = document.createElementNS('http://www.w3.org/2000/svg', 'rect'); r.setAttribute('class', 'brush'); svg.appendChild(r); }
    r.setAttribute('x', Math.min(drag.a, drag.b)); r.setAttribute('y', 0);
    r.setAttribute('width', Math.abs(drag.b - drag.a)); r.setAttribute('height', (svg.clientHeight || 90) - 14);
  });
  window.addEventListener('mouseup', () => {
    if (!drag) return;
    const d = drag; drag = null;
    if (Math.abs(d.b - d.a) < 3) setBrush(null);
    else setBrush([fmt(scale.t(Math.min(d.a, d.b))), fmt(scale.t(Math.max(d.a, d.b)) - 1)]);
  });
  function setBrush(b) {
    if (b && b[1] < b[0]) b[1] = b[0];
    state.brush = b;
    $('brush-label').textContent = b ? b[0] + ' → ' + b[1] : '';
    $('brush-clear').hidden = !b;
    drawTimeline();
    loadEvents();
  }
  $('brush-clear').onclick = () => setBrush(null);
  window.addEventListener('resize', drawTimeline);

  async function loadStats() {
    try { state.stats = await api('/api/v1/stats?' + filterParams()); } catch (err) { state.stats = null; }
    drawTimeline();
    const byType = (state.stats && state.stats.by_type) || {};
    $('legend').innerHTML = Object.keys(TYPES).map((t) =>
      '<span><i style="background:' + TYPES[t] + '"></i>' + esc(t) + ' (' + (byType[t] || 0) + ')</span>').join('');
  }

  // ---------- filters ----------
  const typeSel = $('f-type');
  Object.keys(TYPES).forEach((t) => { const o = document.createElement('option'); o.value = o.textContent = t; typeSel.appendChild(o); });
  let timer = null;
  function refresh() { loadStats(); loadEvents(); }
  $('filters').addEventListener('change', refresh);
  $('filters').addEventListener('input', (ev) => {
    if (ev.target.type !== 'search' && ev.target.name !== 'country') return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  });
  $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); refresh(); });

  window.sitrep = { state: state, map: map, cluster: cluster, showEvent: showEvent, setBrush: setBrush, refresh: refresh };
  refresh();
})();
