// The Mermaid blocks of raci's Markdown reports, read by the real mermaid
// package (in a jsdom window, which its sanitiser needs) and compared with
// the org chart Graphviz drew from the same roster.
//
//   node check.mjs NPM_DIR MD SVG [MD SVG ...]   each MD's block against SVG
//   node check.mjs NPM_DIR --must-fail MD        mermaid.parse must reject it
//
// For each pair: mermaid.parse accepts the block; it has one node per
// person (p0, p1, ... as the SVG's nodes), each label, as a browser shows
// it (entity codes decoded, then read as HTML), the person's name and
// title as Graphviz shows them (a label cut
// with an ellipsis, their start); one node per missing manager; the same
// reporting lines; the span and loop classes on the people Graphviz marks
// (thick border, red edges) and the red linkStyle on the loop's edges.
// Prints one line per failure and exits 1 when there is any.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [npmDir, ...args] = process.argv.slice(2);
const require = createRequire(path.resolve(npmDir, 'node_modules') + '/');
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaidEntry = path.resolve(npmDir, 'node_modules/mermaid/dist/mermaid.core.mjs');
const { default: mermaid } = await import(pathToFileURL(mermaidEntry).href);
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let failures = 0;
const fail = (file, what) => {
  console.log(`mermaid: ${file}: ${what}`);
  failures++;
};

function blockOf(md) {
  const m = /^```mermaid\n([\s\S]*?)\n```$/m.exec(fs.readFileSync(md, 'utf8'));
  return m ? m[1] : null;
}

// What a browser shows of a label: Mermaid keeps entity codes as
// placeholders until it draws (ﬂ°°35¶ß for #35;, ﬂ°quot¶ß for #quot;), then
// hands the label to the browser as HTML, lines split at <br>.
function shown(t) {
  const html = t.replace(/ﬂ°°(\d+)¶ß/g, '&#$1;').replace(/ﬂ°(\w+)¶ß/g, '&$1;');
  return html.split('<br>').map((part) => {
    const div = dom.window.document.createElement('div');
    div.innerHTML = part;
    return div.textContent;
  });
}

function svgChart(file) {
  const doc = new JSDOM(fs.readFileSync(file, 'utf8'), { contentType: 'image/svg+xml' }).window
    .document;
  const nodes = new Map();
  for (const g of doc.querySelectorAll('g.node')) {
    const shape = g.querySelector('polygon');
    nodes.set(g.querySelector('title').textContent, {
      texts: [...g.querySelectorAll('text')].map((t) => t.textContent),
      thick: shape?.getAttribute('stroke-width') === '4',
    });
  }
  const edges = [];
  for (const g of doc.querySelectorAll('g.edge')) {
    const title = g.querySelector('title').textContent;
    if (title.startsWith('legend:')) continue;
    const [from, to] = title.split('->');
    edges.push({ from, to, red: g.querySelector('path').getAttribute('stroke') === 'red' });
  }
  return { nodes, edges };
}

// A label's text against what Graphviz shows.
function sameText(label, drawn) {
  if (label.endsWith('…')) return drawn !== undefined && drawn.startsWith(label.slice(0, -1));
  return label === drawn;
}

async function check(md, svg) {
  const text = blockOf(md);
  if (text === null) return fail(md, 'no ```mermaid block');
  try {
    await mermaid.parse(text);
  } catch (e) {
    return fail(md, `mermaid.parse rejects the block: ${e.message}`);
  }
  const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
  const chart = svgChart(svg);
  const people = [...chart.nodes.keys()].filter((k) => /^p\d+$/.test(k));
  const missing = [...chart.nodes.keys()].filter((k) => k.startsWith('missing:'));
  const vertices = db.getVertices();
  const ids = [...vertices.keys()];
  const mp = ids.filter((k) => /^p\d+$/.test(k));
  const mm = ids.filter((k) => /^m\d+$/.test(k));
  if (mp.length !== people.length || people.some((p) => !vertices.has(p)))
    fail(md, `${mp.length} person nodes, the org chart has ${people.length}`);
  if (mm.length !== missing.length)
    fail(md, `${mm.length} missing managers, the org chart has ${missing.length}`);
  if (ids.length !== mp.length + mm.length) fail(md, `unexpected nodes: ${ids.join(' ')}`);
  const nameOf = new Map();
  for (const [id, v] of vertices) {
    const [name, title, ...rest] = shown(v.text);
    nameOf.set(id, name);
    const drawn = chart.nodes.get(id);
    if (id.startsWith('m')) {
      if (title !== '(not on the roster)' || !v.classes.includes('missing'))
        fail(md, `${id} is not marked as a missing manager`);
      if (!chart.nodes.has(`missing:${name}`)) fail(md, `${id}: no missing manager '${name}'`);
      continue;
    }
    if (!drawn) continue;
    if (!sameText(name, drawn.texts[0]) || !sameText(title ?? '', drawn.texts[1] ?? '') || rest.length)
      fail(md, `${id} reads ${JSON.stringify(shown(v.text))}, the org chart ${JSON.stringify(drawn.texts)}`);
    if (v.classes.includes('span') !== drawn.thick)
      fail(md, `${id}: span class ${v.classes.includes('span')}, thick border ${drawn.thick}`);
  }
  // Reporting lines, a missing manager by name; the loop's in red.
  const key = (from, to) => `${from}->${to}`;
  const want = new Set(chart.edges.map((e) => key(e.from, e.to)));
  const wantRed = new Set(chart.edges.filter((e) => e.red).map((e) => key(e.from, e.to)));
  const loopPeople = new Set(chart.edges.filter((e) => e.red).flatMap((e) => [e.from, e.to]));
  const edges = db.getEdges();
  if (edges.length !== want.size) fail(md, `${edges.length} edges, the org chart has ${want.size}`);
  for (const e of edges) {
    const from = e.start.startsWith('m') ? `missing:${nameOf.get(e.start)}` : e.start;
    const red = (e.style ?? []).some((s) => s.replace(/\s/g, '').startsWith('stroke:#d00'));
    if (!want.has(key(from, e.end))) fail(md, `edge ${from} -> ${e.end} is not in the org chart`);
    if (red !== wantRed.has(key(from, e.end))) fail(md, `edge ${from} -> ${e.end}: red ${red}`);
  }
  for (const [id, v] of vertices)
    if (v.classes.includes('loop') !== loopPeople.has(id)) fail(md, `${id}: loop class wrong`);
  console.log(`mermaid: ${md}: ${mp.length} people, ${mm.length} missing, ${edges.length} lines`);
}

if (args[0] === '--must-fail') {
  let rejected = false;
  try {
    await mermaid.parse(blockOf(args[1]) ?? '');
  } catch {
    rejected = true;
  }
  if (!rejected) fail(args[1], 'mermaid.parse accepts a block it should reject');
} else {
  for (let i = 0; i + 1 < args.length; i += 2) await check(args[i], args[i + 1]);
}
process.exit(failures ? 1 : 0);
