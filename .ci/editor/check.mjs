#!/usr/bin/env node
// Real-editor check of the JSON Schemas (issue 24, item 7): the editor route as documented.
//
//   node check.mjs JAARCYCLUS DATA
//
// Drives yaml-language-server (the pinned 2.x of package-lock.json, the server behind VS Code's
// YAML extension) over stdio as VS Code does: initialize, answer its workspace/configuration
// requests with the `yaml.*` settings, didOpen each file, collect textDocument/publishDiagnostics.
// Two sessions, as the README documents them:
//
//   settings  a temporary copy of the repository layout: DATA copied to werk/data, then
//             `jaarcyclus schema --map schema --editor .` in werk/ — the editor gets exactly the
//             `yaml.schemas` of the .vscode/settings.json that writes. Every YAML file of the
//             default data (no finding expected, and each must get exactly its own schema), and
//             the broken files of CASES, each in its own copy of the data under werk/kapot/<case>/.
//   modeline  no editor settings: `jaarcyclus schema --map schema`, every file of the data with
//             the README's modeline `# yaml-language-server: $schema=../../../schema/<kind>...`
//             (one `../` less per level up), plus one broken file.
//
// Each file's editor findings are compared with `jaarcyclus check --format json` on the same
// tree: every editor finding must have an error of check on the same line (and column, when both
// give one); every error of check that the schema can express (E001–E004, E201) must have an
// editor finding there. Check's other errors (references, sums, years relative to the cycle
// year) are the loader's own and not compared. A case marked `limit` is a known difference
// (what only the notation shows, see src/schema/mod.rs): check must report it and the editor
// must not — when the editor starts to see it, the list is out of date and the check fails.
// One difference of place is known too: check puts a missing top-level field at 1:1, the editor
// where the root mapping starts (after the opening comments).
//
// Prints a line per case and a summary; exit 0 = the editor agrees with check, 1 = a difference,
// 2 = the check could not run (usage, server failure, time-out).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(here, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const PEILDATUM = '2026-11-29';
const TIMEOUT_MS = 180_000;
const QUIET_MS = 750;
// Codes of check that a schema can express; the editor must show each of them.
const FORM = new Set(['E001', 'E002', 'E003', 'E004', 'E201']);

function die(msg) {
  console.error(`editor check: ${msg}`);
  process.exit(2);
}

if (process.argv.length !== 4) die('usage: node check.mjs JAARCYCLUS DATA');
const BIN = path.resolve(process.argv[2]);
const DATA = path.resolve(process.argv[3]);
if (!fs.existsSync(BIN)) die(`no binary at ${BIN}`);
if (!fs.existsSync(path.join(DATA, 'stelsel.yaml'))) die(`no data root at ${DATA}`);
if (!fs.existsSync(SERVER)) die(`yaml-language-server is not installed (${SERVER}); run npm ci in ${here}`);

// ---- the broken files --------------------------------------------------------------------------

// Each case changes one file of the default data (`file`, relative to the data root) by
// replacing the first match of `from` with `to`; `limit` marks a known difference.
const CASES = [
  {
    name: 'onbekend-veld',
    file: '2027/geonovum/begroting.yaml',
    from: /^status: /m,
    to: 'toelichting: extra\nstatus: ',
  },
  {
    name: 'verkeerde-keuze',
    file: '2027/geonovum/begroting.yaml',
    from: /kostensoort: \w+/,
    to: 'kostensoort: reizen',
  },
  { name: 'veld-ontbreekt', file: '2027/geonovum/begroting.yaml', from: /^status: .*\n/m, to: '' },
  { name: 'veld-ontbreekt-in-regel', file: '2027/geonovum/begroting.yaml', from: /\n *kostensoort: \w+/, to: '' },
  { name: 'negatief-bedrag', file: '2027/geonovum/begroting.yaml', from: /(bedragen: \{\d{4}: )(\d+)/, to: '$1-$2' },
  {
    name: 'nederlandse-notatie',
    file: '2027/geonovum/begroting.yaml',
    from: /(bedragen: \{\d{4}: )(\d+)/,
    to: '$1"1.450.000,00"',
  },
  {
    name: 'jaarsleutel-20277',
    file: '2027/geonovum/begroting.yaml',
    from: /bedragen: \{2027: /,
    to: 'bedragen: {20277: ',
  },
  { name: 'drie-decimalen', file: '2027/geonovum/begroting.yaml', from: /(bedragen: \{\d{4}: )(\d+)/, to: '$1$2.125' },
  {
    name: 'exponent',
    file: '2027/geonovum/begroting.yaml',
    from: /(bedragen: \{\d{4}: )(\d+)/,
    to: (_, key) => `${key}1.45e6`,
    limit: 'the value 1450000 is a valid amount; only its notation is wrong',
  },
  {
    name: 'nullen-achteraan',
    file: '2025/geonovum/realisatie.yaml',
    from: /(bedrag: )(\d+)/,
    to: '$1$2.500',
    limit: 'the value is a whole number of cents; only its notation has three decimals',
  },
  {
    name: 'jaar-tussen-aanhalingstekens',
    file: '2027/geonovum/begroting.yaml',
    from: /^jaar: (\d+)/m,
    to: 'jaar: "$1"',
  },
  { name: 'realisatie-drie-decimalen', file: '2025/geonovum/realisatie.yaml', from: /(bedrag: )(\d+)/, to: '$1$2.999' },
  { name: 'kwartaal-te-hoog', file: '2026/geonovum/voortgang-q2.yaml', from: /^kwartaal: \d/m, to: 'kwartaal: 5' },
  {
    name: 'verdeelsleutel-vijf-decimalen',
    file: 'stelsel.yaml',
    from: /(verdeelsleutel:\s+[\w-]+: )([\d.]+)/,
    to: (_, key, n) => `${key}${n}${n.includes('.') ? '' : '.'}00001`,
  },
  {
    name: 'jaarsleutel-tussen-aanhalingstekens',
    file: '2027/geonovum/begroting.yaml',
    from: /bedragen: \{2027: /,
    to: 'bedragen: {"2027": ',
    limit: 'to JSON Schema a key is always text',
  },
];

// ---- the layout of a data root (contract §1) -----------------------------------------------------

function kindOf(rel) {
  const p = rel.split('/');
  if (p.length === 1 && ['stelsel.yaml', 'afspraken.yaml', 'aanvaard.yaml', 'ontvangsten.yaml'].includes(p[0])) return p[0].slice(0, -5);
  if (p.length === 2 && p[0] === 'vergaderingen' && p[1].endsWith('.yaml')) return 'vergadering';
  if (p.length === 3 && /^\d{4}$/.test(p[0])) {
    if (['plan.yaml', 'begroting.yaml', 'realisatie.yaml'].includes(p[2])) return p[2].slice(0, -5);
    if (/^wijziging-\d{1,4}\.yaml$/.test(p[2])) return 'wijziging';
    if (/^voortgang-q\d\.yaml$/.test(p[2])) return 'voortgang';
  }
  return null;
}

// Every *.yaml below root, relative with '/', in code-point order.
function yamlFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.yaml')) out.push(r);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function run(args, cwd) {
  const r = spawnSync(BIN, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) die(`${BIN} ${args.join(' ')}: ${r.error.message}`);
  return r;
}

// check's errors per file: Map<rel, [{code, line, col, message}]>.
function checkErrors(root) {
  const r = run(['check', '--data', root, '--format', 'json', '--peildatum', PEILDATUM]);
  if (r.status !== 0 && r.status !== 1) die(`check could not run on ${root} (${r.status}): ${r.stderr}`);
  const out = new Map();
  for (const d of JSON.parse(r.stdout).diagnostics) {
    if (d.severity !== 'error' || !d.file) continue;
    if (!out.has(d.file)) out.set(d.file, []);
    out.get(d.file).push({ code: d.code, line: d.line, col: d.column, message: d.message });
  }
  return out;
}

// ---- a language client over stdio ---------------------------------------------------------------

class Client {
  constructor(workspace, yamlSettings) {
    this.settings = yamlSettings;
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.buf = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.lastPublish = Date.now();
    this.stderr = '';
    this.configured = new Promise((resolve) => (this.onConfigured = resolve));
    this.proc.stdout.on('data', (chunk) => this.receive(chunk));
    this.proc.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.proc.on('exit', (code) => {
      if (!this.closing) die(`yaml-language-server exited (${code}):\n${this.stderr}`);
    });
    this.workspace = workspace;
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
  }

  notify(method, params) {
    this.send({ method, params });
  }

  receive(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString('ascii'));
      if (!m) die('a message without Content-Length');
      const len = Number(m[1]);
      if (this.buf.length < end + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(end + 4 + len);
      this.handle(msg);
    }
  }

  handle(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request of the server, answered as VS Code would.
      let result = null;
      if (msg.method === 'workspace/configuration') {
        result = msg.params.items.map((item) => this.section(item.section));
        if (msg.params.items.some((i) => i.section === 'yaml')) setTimeout(this.onConfigured, 200);
      }
      this.send({ id: msg.id, result });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
      this.lastPublish = Date.now();
    }
  }

  section(name) {
    switch (name) {
      case 'yaml':
        return this.settings;
      case 'http':
        return { proxy: '', proxyStrictSSL: false };
      default:
        return {};
    }
  }

  async start() {
    const uri = pathToFileURL(this.workspace).href;
    await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'jaarcyclus editor check' },
      rootUri: uri,
      rootPath: this.workspace,
      workspaceFolders: [{ uri, name: path.basename(this.workspace) }],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        },
      },
    });
    this.notify('initialized', {});
    // VS Code tells the server that settings exist; the server then asks for them.
    this.notify('workspace/didChangeConfiguration', { settings: null });
    await withTimeout(this.configured, 'the server did not ask for its settings');
  }

  open(file) {
    const uri = pathToFileURL(file).href;
    this.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') },
    });
    return uri;
  }

  // Waits until every uri has its diagnostics and the server has been quiet for a while.
  async settle(uris) {
    const started = Date.now();
    for (;;) {
      const all = uris.every((u) => this.diagnostics.has(u));
      if (all && Date.now() - this.lastPublish > QUIET_MS) return;
      if (Date.now() - started > TIMEOUT_MS) {
        die(`no diagnostics for ${uris.filter((u) => !this.diagnostics.has(u)).join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop() {
    this.closing = true;
    await withTimeout(this.request('shutdown', null), 'shutdown');
    this.notify('exit', null);
  }
}

function withTimeout(promise, what) {
  let t;
  const timeout = new Promise((_, reject) => (t = setTimeout(() => reject(new Error(what)), TIMEOUT_MS)));
  return Promise.race([promise, timeout])
    .finally(() => clearTimeout(t))
    .catch((e) => die(e.message));
}

// The settings VS Code sends: the file's `yaml.schemas`, validation on, nothing fetched from
// the network (SchemaStore and the Kubernetes store off, so the check runs offline).
function yamlSettings(schemas) {
  return {
    schemas,
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    yamlVersion: '1.2',
  };
}

// ---- comparing ------------------------------------------------------------------------------

// Editor findings of one file: [{line, col, message}] (1-based, as check gives them).
function editorFindings(client, uri) {
  return (client.diagnostics.get(uri) ?? [])
    .filter((d) => d.severity === undefined || d.severity <= 2)
    .map((d) => ({ line: d.range.start.line + 1, col: d.range.start.character + 1, message: d.message }));
}

const at = (f) => (f.col == null ? `${f.line}` : `${f.line}:${f.col}`);
const samePlace = (a, b) => a.line === b.line && (a.col == null || b.col == null || a.col === b.col);

// Where the root mapping of a YAML text starts (its first line that is no comment or blank).
function rootStart(text) {
  const i = text.split('\n').findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  return { line: i + 1, col: 1 };
}

// Differences between the editor and check in one file; with `limit`, check's form errors are
// expected to be missing in the editor (returned as `known`). Check places a finding about the
// file's root mapping (a missing top-level field) at 1:1, the editor where that mapping starts,
// after the opening comments: such a pair counts as the same place and is returned in `moved`.
function compare(editor, check0, limit, root) {
  const differences = [];
  const known = [];
  const moved = [];
  const check = check0.map((c) => {
    if (root && c.line === 1 && c.col === 1 && root.line !== 1 && editor.some((e) => samePlace(e, root))) {
      moved.push(`${c.code} at 1:1, the editor at ${at(root)}`);
      return { ...c, ...root };
    }
    return c;
  });
  for (const e of editor) {
    if (!check.some((c) => samePlace(c, e))) {
      const line = check.filter((c) => c.line === e.line);
      differences.push(
        line.length
          ? `editor at ${at(e)}, check at ${line.map(at).join(', ')} (other column): ${e.message}`
          : `only the editor, at ${at(e)}: ${e.message}`,
      );
    }
  }
  for (const c of check.filter((c) => FORM.has(c.code))) {
    if (editor.some((e) => samePlace(c, e))) {
      if (limit) differences.push(`the editor now sees ${c.code} at ${at(c)}: take the case out of the known limits`);
    } else if (limit) {
      known.push(`${c.code} at ${at(c)}`);
    } else if (!editor.some((e) => e.line === c.line)) {
      differences.push(`only check: ${c.code} at ${at(c)}: ${c.message}`);
    }
  }
  return { differences, known, moved };
}

// ---- the run --------------------------------------------------------------------------------

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaarcyclus-editor-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
let failures = 0;
let known = 0;
const lines = [];
const report = (ok, text) => {
  if (!ok) failures++;
  lines.push(`${ok ? 'ok  ' : 'FOUT'} ${text}`);
};

async function settingsSession() {
  const werk = path.join(tmp, 'werk');
  fs.cpSync(DATA, path.join(werk, 'data'), { recursive: true });
  const r = run(['schema', '--map', 'schema', '--editor', '.'], werk);
  if (r.status !== 0) die(`jaarcyclus schema --map schema --editor . failed (${r.status}): ${r.stderr}`);
  const settings = JSON.parse(fs.readFileSync(path.join(werk, '.vscode', 'settings.json'), 'utf8'));
  const schemas = settings['yaml.schemas'];
  if (!schemas || Object.keys(schemas).length === 0) die('.vscode/settings.json has no yaml.schemas');

  const trees = [{ name: null, root: path.join(werk, 'data'), files: yamlFiles(DATA) }];
  for (const c of CASES) {
    const root = path.join(werk, 'kapot', c.name);
    fs.cpSync(DATA, root, { recursive: true });
    const file = path.join(root, c.file);
    const text = fs.readFileSync(file, 'utf8');
    if (!c.from.test(text)) die(`case ${c.name}: ${c.from} not in ${c.file}`);
    fs.writeFileSync(file, text.replace(c.from, c.to));
    trees.push({ name: c.name, case: c, root, files: [c.file] });
  }

  const client = new Client(werk, yamlSettings(schemas));
  await client.start();
  const opened = [];
  for (const t of trees)
    for (const f of t.files) opened.push({ tree: t, rel: f, uri: client.open(path.join(t.root, f)) });
  await client.settle(opened.map((o) => o.uri));

  // Each file gets exactly its own schema from the settings.
  let wrongSchema = 0;
  for (const o of opened) {
    const got = (await client.request('yaml/get/jsonSchema', o.uri)).map((s) => s.uri);
    const kind = kindOf(o.rel);
    const want = kind && pathToFileURL(path.join(werk, 'schema', `${kind}.schema.json`)).href;
    if (got.length !== 1 || got[0] !== want) {
      wrongSchema++;
      report(false, `${o.tree.name ?? 'data'}/${o.rel}: schemas ${JSON.stringify(got)}, expected ${want}`);
    }
  }
  // Hover shows the declaration's Dutch text.
  const begroting = opened.find((o) => o.tree.name === null && o.rel.endsWith('/begroting.yaml'));
  const lineNo = fs
    .readFileSync(path.join(begroting.tree.root, begroting.rel), 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith('jaar:'));
  const hover = await client.request('textDocument/hover', {
    textDocument: { uri: begroting.uri },
    position: { line: lineNo, character: 1 },
  });
  const hoverText = JSON.stringify(hover?.contents ?? '');
  report(hoverText.includes('Cyclusjaar'), `hover over \`jaar\` in data/${begroting.rel}: ${hoverText.slice(0, 90)}`);

  // The default data: no finding in the editor, none of check's form errors either.
  const dataErrors = checkErrors(trees[0].root);
  let clean = 0;
  for (const o of opened.filter((o) => o.tree.name === null)) {
    const editor = editorFindings(client, o.uri);
    const { differences } = compare(editor, dataErrors.get(o.rel) ?? [], null, null);
    if (editor.length === 0 && differences.length === 0) clean++;
    for (const d of differences) report(false, `data/${o.rel}: ${d}`);
    if (differences.length === 0)
      for (const e of editor) report(false, `data/${o.rel}: the editor finds ${at(e)}: ${e.message}`);
  }
  report(
    clean === trees[0].files.length && wrongSchema === 0,
    `default data: ${clean} of ${trees[0].files.length} files without a finding in the editor, each with its own schema`,
  );

  // The broken files.
  for (const o of opened.filter((o) => o.tree.name !== null)) {
    const c = o.tree.case;
    const check = checkErrors(o.tree.root).get(o.rel) ?? [];
    const editor = editorFindings(client, o.uri);
    const root = rootStart(fs.readFileSync(path.join(o.tree.root, o.rel), 'utf8'));
    const { differences, known: unseen, moved } = compare(editor, check, c.limit, root);
    const form = check.filter((f) => FORM.has(f.code));
    const both = `check ${form.map((f) => `${f.code}@${at(f)}`).join(' ') || '-'}, editor ${editor.map(at).join(' ') || '-'}`;
    if (form.length === 0) differences.push('check finds no error of form here: the case tests nothing');
    if (!c.limit && editor.length === 0) differences.push('the editor finds nothing');
    if (differences.length) {
      report(false, `${c.name} (${o.rel}): ${both}`);
      for (const d of differences) lines.push(`       ${d}`);
    } else if (c.limit) {
      known++;
      lines.push(`known ${c.name} (${o.rel}): ${both}; only check sees it: ${c.limit} [${unseen.join(', ')}]`);
    } else if (moved.length) {
      known++;
      lines.push(
        `known ${c.name} (${o.rel}): ${both}; check at line 1, the editor where the root mapping starts [${moved.join(', ')}]`,
      );
    } else {
      report(true, `${c.name} (${o.rel}): ${both} — ${editor[0].message}`);
    }
  }
  await client.stop();
  return { files: opened.length, cases: CASES.length };
}

async function modelineSession() {
  const repo = path.join(tmp, 'modeline');
  fs.mkdirSync(repo, { recursive: true });
  const r = run(['schema', '--map', 'schema'], repo);
  if (r.status !== 0) die(`jaarcyclus schema --map schema failed (${r.status}): ${r.stderr}`);
  const root = path.join(repo, 'data');
  fs.cpSync(DATA, root, { recursive: true });
  const broken = '2027/geonovum/begroting.yaml';
  const files = yamlFiles(root).filter((f) => kindOf(f));
  for (const f of files) {
    const up = '../'.repeat(f.split('/').length);
    const file = path.join(root, f);
    let text = fs.readFileSync(file, 'utf8');
    if (f === broken) text = text.replace(/^jaar: (\d+)/m, 'jaar: "$1"');
    fs.writeFileSync(file, `# yaml-language-server: $schema=${up}schema/${kindOf(f)}.schema.json\n${text}`);
  }
  const modeline = fs.readFileSync(path.join(root, broken), 'utf8').split('\n')[0];

  const client = new Client(repo, yamlSettings({}));
  await client.start();
  const opened = files.map((f) => ({ rel: f, uri: client.open(path.join(root, f)) }));
  await client.settle(opened.map((o) => o.uri));
  const errors = checkErrors(root);
  let clean = 0;
  for (const o of opened) {
    const editor = editorFindings(client, o.uri);
    const check = errors.get(o.rel) ?? [];
    const { differences } = compare(editor, check, null, null);
    if (o.rel === broken) {
      const both = `check ${check.map((f) => `${f.code}@${at(f)}`).join(' ') || '-'}, editor ${editor.map(at).join(' ') || '-'}`;
      if (editor.length === 0) differences.push('the editor finds nothing');
      report(
        differences.length === 0,
        `modeline, quoted year (${o.rel}): ${both}${editor[0] ? ` — ${editor[0].message}` : ''}`,
      );
      for (const d of differences) lines.push(`       ${d}`);
    } else if (editor.length === 0 && differences.length === 0) {
      clean++;
    } else {
      report(
        false,
        `modeline ${o.rel}: ${[...differences, ...editor.map((e) => `${at(e)}: ${e.message}`)].join('; ')}`,
      );
    }
  }
  report(
    clean === files.length - 1,
    `modeline (${modeline}): ${clean} of ${files.length - 1} files of the default data without a finding`,
  );
  await client.stop();
  return { files: opened.length };
}

const version = JSON.parse(
  fs.readFileSync(path.join(here, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8'),
).version;
console.log(`editor check: yaml-language-server ${version} over stdio, node ${process.version}`);
const a = await settingsSession();
const b = await modelineSession();
for (const l of lines) console.log(l);
console.log(
  `editor check: ${a.files + b.files} files opened, ${a.cases + 1} of them broken (${known} known differences); ` +
    (failures ? `${failures} difference(s) between the editor and check` : 'the editor agrees with check'),
);
process.exit(failures ? 1 : 0);
