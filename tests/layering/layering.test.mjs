// The arrows of ../shared/DESIGN.md's folder table, checked against every #include under src/:
// a folder may include itself and what its row allows (and what those allow, transitively),
// never a folder above it. A new folder under src/ needs a row here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

// folder → the folders it may depend on (DESIGN.md, "Folders").
const MAY = {
  core: [],
  model: ['core'],
  store: ['core', 'model'],
  engine: ['core', 'model'],
  forecast: ['core'],
  analytics: ['engine', 'forecast', 'model'],
  auth: ['store'],
  http: ['core'],
  present: ['analytics', 'model', 'core'],
  publish: ['engine', 'store'],
  api: ['core', 'model', 'store', 'engine', 'forecast', 'analytics', 'auth', 'http', 'present', 'publish', 'ingest', 'jobs'],
  jobs: ['analytics', 'present', 'publish', 'store'],
  ingest: ['model', 'store', 'publish'],
  demo: ['model', 'store'],
  app: ['core', 'model', 'store', 'engine', 'forecast', 'analytics', 'auth', 'http', 'present', 'publish', 'api', 'jobs', 'ingest', 'demo'],
};

function allowed(folder, seen = new Set()) {
  for (const dep of MAY[folder] ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    allowed(dep, seen);
  }
  return seen;
}

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(h|cpp|inc)$/.test(e.name) ? [p] : [];
  });
}

test('every folder under src/ has a row in the dependency table', () => {
  const folders = fs.readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.deepEqual(folders.filter((f) => !(f in MAY)), []);
});

test('no #include points up the table', () => {
  const wrong = [];
  let count = 0;
  for (const file of files(src)) {
    const folder = path.relative(src, file).split(path.sep)[0];
    const ok = allowed(folder);
    ok.add(folder);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = line.match(/^\s*#\s*include\s+"([a-z_]+)\//);
      if (!m) return;
      ++count;
      if (m[1] in MAY && !ok.has(m[1])) wrong.push(`${path.relative(src, file)}:${i + 1} includes ${m[1]}/`);
    });
  }
  assert.ok(count > 100, `read ${count} includes`);
  assert.deepEqual(wrong, []);
});

test('the check itself catches an include that points up', () => {
  assert.ok(!allowed('engine').has('store'));
  assert.ok(!allowed('analytics').has('http'));
  assert.ok(allowed('api').has('core'));
});
