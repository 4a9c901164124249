// GET /docs: one self-contained page (inline style and script, no outside assets) that fetches
// ./openapi.json and renders every operation: parameters, body schema, answers and examples.
// Text from the document is set with textContent only; the CSP allows the inline code by its hash.

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f23; --muted: #5b636b; --line: #d0d7de; --code: #f6f8fa; --get: #0a7d3b; --post: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b1; --line: #30363d; --code: #161b22; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); margin: 0; display: grid; grid-template-columns: 17rem 1fr; }
nav { position: sticky; top: 0; height: 100vh; overflow: auto; border-right: 1px solid var(--line); padding: 1rem; box-sizing: border-box; }
nav a { display: block; color: inherit; text-decoration: none; padding: .15rem 0; font-size: 13px; }
main { padding: 1rem 2rem; max-width: 70rem; min-width: 0; overflow-wrap: break-word; }
h1 { margin-top: 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2.5rem; }
.op { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; }
.method { font: 600 12px ui-monospace, monospace; text-transform: uppercase; padding: .1rem .45rem; border-radius: 4px; color: #fff; margin-right: .5rem; }
.method.get { background: var(--get); } .method.post { background: var(--post); }
code, pre { font: 13px/1.4 ui-monospace, monospace; } pre { background: var(--code); padding: .6rem; overflow: auto; max-height: 28rem; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; } td, th { border-top: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; font-size: 14px; }
.muted { color: var(--muted); } ul.schema { list-style: none; padding-left: 1.1rem; margin: .2rem 0; border-left: 1px solid var(--line); }
summary { cursor: pointer; } .status { font-weight: 600; }
code { overflow-wrap: anywhere; } .table-wrap { overflow-x: auto; }
@media (max-width: 720px) {
  body { display: block; } nav { position: static; height: auto; max-height: 40vh; border-right: 0; border-bottom: 1px solid var(--line); }
  main { padding: 1rem; } .op { padding: .5rem .7rem .8rem; } td, th { padding: .25rem .3rem; font-size: 13px; }
}
`;

const SCRIPT = `
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (k === 'class') node.className = v; else node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
};
// Descriptions mark code with backticks (\`gpu.count\`): shown as <code>, the rest as text.
const prose = (text) => {
  const out = document.createDocumentFragment();
  String(text || '').split('\`').forEach((part, i) => { if (part) out.append(i % 2 ? el('code', {}, part) : document.createTextNode(part)); });
  return out;
};
let doc;
const resolve = (s) => (s && s.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s);
const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : null);
function typeOf(s) {
  s = resolve(s) || {};
  if (s.enum) return 'one of ' + s.enum.map((v) => JSON.stringify(v)).join(', ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map((o) => refName(o) || typeOf(o)).join(' | ');
  if (s.type === 'array') return 'array of ' + (refName(s.items) || typeOf(s.items));
  return Array.isArray(s.type) ? s.type.join(' | ') : s.type || 'any';
}
function limits(s) {
  const parts = [];
  for (const [k, label] of [['minimum', '≥'], ['exclusiveMinimum', '>'], ['maximum', '≤'], ['exclusiveMaximum', '<'], ['minLength', 'length ≥'], ['maxLength', 'length ≤'], ['minItems', 'items ≥'], ['maxItems', 'items ≤']]) if (s[k] !== undefined) parts.push(label + ' ' + s[k]);
  if (s.pattern) parts.push('pattern ' + s.pattern);
  if (s.format) parts.push(s.format);
  if (s.default !== undefined) parts.push('default ' + JSON.stringify(s.default));
  return parts.join(', ');
}
function schemaTree(schema, depth = 0, seen = new Set()) {
  const name = refName(schema);
  const s = resolve(schema) || {};
  if (name && seen.has(name)) return el('span', { class: 'muted' }, ' (' + name + ', above)');
  const nextSeen = new Set(seen); if (name) nextSeen.add(name);
  const list = el('ul', { class: 'schema' });
  const alternatives = s.anyOf || s.oneOf;
  if (alternatives && depth < 6) alternatives.forEach((alt, i) => list.append(el('li', {}, el('em', {}, 'option ' + (i + 1) + ': ' + (refName(alt) || typeOf(alt))), schemaTree(alt, depth + 1, nextSeen))));
  const item = s.type === 'array' ? s.items : null;
  if (item && depth < 6) return schemaTree(item, depth + 1, nextSeen);
  const required = new Set(s.required || []);
  for (const [prop, sub] of Object.entries(s.properties || {})) {
    const r = resolve(sub) || {};
    const line = el('li', {}, el('code', {}, prop), ' ', el('span', { class: 'muted' }, typeOf(sub) + (required.has(prop) ? ', required' : '') + (limits(r) ? ', ' + limits(r) : '')));
    if (r.description) line.append(' — ', prose(r.description));
    const nested = r.type === 'object' || r.anyOf || r.oneOf || (r.type === 'array' && resolve(r.items) && (resolve(r.items).properties || resolve(r.items).anyOf));
    if (nested && depth < 6) line.append(schemaTree(sub, depth + 1, nextSeen));
    list.append(line);
  }
  return list;
}
const pretty = (v) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));
function operation(path, method, op) {
  const id = op.operationId;
  const box = el('section', { class: 'op', id }, el('h3', {}, el('span', { class: 'method ' + method }, method), el('code', {}, path)), el('p', {}, el('strong', {}, prose(op.summary))), el('p', {}, prose(op.description)));
  if (op.parameters && op.parameters.length) {
    const rows = op.parameters.map((p) => el('tr', {}, el('td', {}, el('code', {}, p.name)), el('td', {}, p.in + (p.required ? ', required' : '')), el('td', {}, typeOf(p.schema) + (limits(p.schema) ? ' (' + limits(p.schema) + ')' : '')), el('td', {}, prose(p.description))));
    box.append(el('h4', {}, 'Parameters'), el('div', { class: 'table-wrap' }, el('table', {}, el('tr', {}, el('th', {}, 'name'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'description')), ...rows)));
  }
  if (op.requestBody) {
    box.append(el('h4', {}, 'Request body'));
    for (const [type, media] of Object.entries(op.requestBody.content)) {
      const part = el('details', {}, el('summary', {}, type));
      if (type.includes('json')) part.append(schemaTree(media.schema));
      else if (media.schema && media.schema.description) part.append(el('p', {}, prose(media.schema.description)));
      if (media.example !== undefined) part.append(el('p', {}, 'Example:'), el('pre', {}, pretty(media.example)));
      box.append(part);
    }
  }
  box.append(el('h4', {}, 'Answers'));
  for (const [status, raw] of Object.entries(op.responses)) {
    const res = raw.$ref ? doc.components.responses[raw.$ref.split('/').pop()] : raw;
    const part = el('details', {}, el('summary', {}, el('span', { class: 'status' }, status), ' ', prose(res.description)));
    for (const [type, media] of Object.entries(res.content || {})) {
      part.append(el('p', {}, el('code', {}, type)));
      if (type.includes('json') && media.schema && (media.schema.properties || media.schema.$ref)) part.append(el('details', {}, el('summary', {}, 'schema'), schemaTree(media.schema)));
      if (media.example !== undefined) part.append(el('pre', {}, pretty(media.example)));
    }
    box.append(part);
  }
  return box;
}
async function main() {
  const main = document.querySelector('main');
  try {
    const res = await fetch('openapi.json');
    doc = await res.json();
  } catch (err) {
    main.append(el('p', {}, 'Could not load openapi.json: ' + err.message));
    return;
  }
  document.title = doc.info.title + ' ' + doc.info.version;
  main.append(el('h1', {}, doc.info.title), el('p', { class: 'muted' }, 'OpenAPI ' + doc.openapi + ' · version ' + doc.info.version + ' · ', el('a', { href: 'openapi.json' }, 'openapi.json')), el('p', {}, prose(doc.info.description)));
  const nav = document.querySelector('nav');
  for (const tag of doc.tags) {
    const ops = [];
    for (const [path, methods] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(methods)) if (op.tags.includes(tag.name)) ops.push([path, method, op]);
    if (!ops.length) continue;
    nav.append(el('strong', {}, tag.name));
    main.append(el('h2', { id: 'tag-' + tag.name }, tag.name + ' — ', prose(tag.description)));
    for (const [path, method, op] of ops) {
      nav.append(el('a', { href: '#' + op.operationId }, method.toUpperCase() + ' ' + path));
      main.append(operation(path, method, op));
    }
  }
  document.documentElement.dataset.ready = 'true';
}
main();
`;

/** The page; its only request is for ./openapi.json. */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gridshift API</title>
<style>${STYLE}</style>
</head>
<body>
<nav aria-label="Operations"><p><a href="/">gridshift</a></p></nav>
<main></main>
<script>${SCRIPT}</script>
</body>
</html>
`;

/**
 * This page's inline style and script only, named by their SHA-256 (CSP Level 2 hash sources, so no
 * 'unsafe-inline'); fetches go to this origin; nothing else loads.
 */
export async function docsCsp(): Promise<string> {
  const [script, style] = await Promise.all([sha256Base64(SCRIPT), sha256Base64(STYLE)]);
  return `default-src 'none'; connect-src 'self'; script-src 'sha256-${script}'; style-src 'sha256-${style}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
