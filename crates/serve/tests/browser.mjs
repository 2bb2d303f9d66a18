// End-to-end test of sitrep's page in a real browser (Debian's chromium, headless, driven
// by playwright-core; no browser is downloaded). Run by .ci/browser.sh against
// `sitrep serve` on loopback:
//
//   node crates/serve/tests/browser.mjs BASE_URL SCREENSHOT.png [MIN_MARKERS]
//
// Every expected figure comes from the API of the same server, so the test checks that the
// page shows what the store holds: markers on the map (clustered or not), a filter and a
// brushed date range changing them, and an event's evidence highlighted at the right
// characters (code-point offsets, with characters outside the BMP before them).
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const require = createRequire(new URL('../js/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [base, shot, minMarkersArg] = process.argv.slice(2);
if (!base || !shot) {
  console.error('usage: browser.mjs BASE_URL SCREENSHOT.png [MIN_MARKERS]');
  process.exit(2);
}
const minMarkers = Number(minMarkersArg || 1);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log('ok   ' + name); }
  else { failed++; console.log('FAIL ' + name + (detail !== undefined ? ': ' + JSON.stringify(detail) : '')); }
}

async function api(path) {
  const r = await fetch(new URL(path, base));
  if (!r.ok) throw new Error(path + ': ' + r.status + ' ' + (await r.text()));
  return r.json();
}
// Events with coordinates for a query, as the map should show them.
async function located(params) {
  const p = new URLSearchParams(params);
  p.set('limit', '1000');
  const page = await api('/api/v1/events?' + p);
  return page.events.filter((e) => e.latitude != null && e.longitude != null);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const errors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Nothing may leave loopback: the page must work with its embedded assets alone.
  const outside = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.continue();
    outside.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  // Map markers: single markers plus the counts of the clusters that hold the others.
  async function shownOnMap(before) {
    await page.waitForFunction((b) => {
      const m = document.getElementById('map');
      return m.dataset.state === 'ready' && (b === undefined || m.dataset.seq !== b);
    }, before, { timeout: 15000 });
    await page.waitForTimeout(300); // markercluster adds its icons in chunks
    return page.evaluate(() => {
      const singles = document.querySelectorAll('.leaflet-marker-icon.ev-marker').length;
      let inClusters = 0;
      document.querySelectorAll('.leaflet-marker-icon.marker-cluster').forEach((c) => { inClusters += Number(c.textContent.trim()) || 0; });
      return { attr: Number(document.getElementById('map').dataset.markers), visible: singles + inClusters };
    });
  }
  const seq = () => page.$eval('#map', (m) => m.dataset.seq);

  await page.goto(base, { waitUntil: 'load' });
  const all = await located({});
  const shown = await shownOnMap();
  check('the map shows every located event', shown.attr === all.length && shown.visible === all.length, { shown, expected: all.length });
  check('at least ' + minMarkers + ' markers', all.length >= minMarkers, all.length);
  const legend = await page.textContent('#legend');
  check('the legend counts the types', /\(\d+\)/.test(legend), legend);
  const bars = await page.$$eval('#timeline rect.bar', (r) => r.length);
  check('the timeline has bars', bars > 0, bars);

  // A filter: the most common type among the events.
  const counts = {};
  all.forEach((e) => { counts[e.event_type] = (counts[e.event_type] || 0) + 1; });
  const type = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b))[0];
  let s = await seq();
  await page.selectOption('#f-type', type);
  const byType = await shownOnMap(s);
  const expectType = (await located({ event_type: type })).length;
  check('the type filter changes the map (' + type + ')', byType.visible === expectType && expectType < all.length,
    { byType, expectType, all: all.length });
  s = await seq();
  await page.selectOption('#f-type', '');
  await shownOnMap(s);

  // Hide background.
  const fg = (await located({ hide_background: 'true' })).length;
  s = await seq();
  await page.check('#f-hide-bg');
  const hidden = await shownOnMap(s);
  check('hiding background events', hidden.visible === fg, { hidden, fg });
  s = await seq();
  await page.uncheck('#f-hide-bg');
  await shownOnMap(s);

  // Brush the timeline's right half: the map keeps the events in the brushed dates.
  const box = await (await page.$('#timeline')).boundingBox();
  s = await seq();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const brushed = await shownOnMap(s);
  const range = (await page.textContent('#brush-label')).split(' → ');
  const expectBrush = (await located({ from: range[0], to: range[1] })).length;
  check('brushing the timeline filters the map (' + range.join('..') + ')',
    range.length === 2 && brushed.visible === expectBrush && expectBrush < all.length, { brushed, expectBrush, range });
  s = await seq();
  await page.click('#brush-clear');
  await shownOnMap(s);

  // Click an event: the one with the most evidence spans, via its marker when it stands
  // alone, else via the list.
  const detailed = await Promise.all(all.map((e) => api('/api/v1/events/' + encodeURIComponent(e.event_id))));
  // One whose sentence holds characters outside the BMP (two UTF-16 units, one code point)
  // first: there, indexing a JavaScript string by offsets would highlight the wrong words.
  const astral = (e) => (/[\u{10000}-\u{10FFFF}]/u.test(e.sentence || '') ? 1 : 0);
  const ev = detailed.sort((a, b) => astral(b) - astral(a) || b.evidence.length - a.evidence.length)[0];
  check('an event with characters outside the BMP is tested', astral(ev) === 1 || minMarkers === 0, ev.sentence);
  const marker = await page.$('.leaflet-marker-icon.ev-marker[data-event-id="' + ev.event_id + '"]');
  if (marker) await marker.click(); else await page.click('#list li[data-event-id="' + ev.event_id + '"]');
  await page.waitForSelector('#detail[data-state=ready][data-event-id="' + ev.event_id + '"]', { timeout: 15000 });
  const marks = await page.$$eval('#detail .source mark.ev', (ms) => ms.map((m) => ({ field: m.dataset.field, text: m.textContent })));
  check('the event panel highlights evidence', marks.length > 0, marks);
  // Every evidence span inside the first source's sentence is highlighted with its exact text.
  const src0 = (ev.sources && ev.sources[0]) || {};
  const own = (src0.evidence || ev.evidence).filter((x) =>
    src0.sentence_start == null || (x.start >= src0.sentence_start && x.end <= src0.sentence_end));
  const missing = own.filter((x) => !marks.some((m) => m.field.split(' ').includes(x.field) && x.text.includes(m.text) && m.text.length > 0));
  check('each evidence span is highlighted at its characters', own.length > 0 && missing.length === 0, { missing, marks });
  const joined = {};
  marks.forEach((m) => { m.field.split(' ').forEach((f) => { joined[f] = (joined[f] || '') + m.text; }); });
  const exact = own.filter((x) => !own.some((y) => y !== x && y.field === x.field)).every((x) => joined[x.field] === x.text);
  check('highlighted text equals the evidence text, field by field', exact, { joined, own });
  const fieldsTable = await page.textContent('#detail table');
  check('the panel shows the fields', fieldsTable.includes(ev.event_type) && fieldsTable.includes(ev.event_id));

  // A text search.
  s = await seq();
  await page.fill('#f-q', 'zzzznotaword');
  const none = await shownOnMap(s);
  check('a text search with no hit empties the map', none.visible === 0, none);
  s = await seq();
  await page.fill('#f-q', '');
  await shownOnMap(s);

  // Bring the event back for the screenshot.
  if (marker) {
    const m2 = await page.$('.leaflet-marker-icon.ev-marker[data-event-id="' + ev.event_id + '"]');
    if (m2) await m2.click();
  } else {
    await page.click('#list li[data-event-id="' + ev.event_id + '"]').catch(() => {});
  }
  await page.waitForSelector('#detail[data-state=ready]', { timeout: 15000 });
  check('no request left loopback', outside.length === 0, outside);
  check('no error in the page', errors.length === 0, errors);
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
  console.log('screenshot: ' + shot);
} catch (e) {
  failed++;
  console.log('FAIL ' + (e && e.stack || e));
} finally {
  await browser.close();
}
console.log(passed + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
