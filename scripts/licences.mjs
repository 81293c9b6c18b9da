#!/usr/bin/env node
// Writes ui/src/lib/third-party-licences.json: every third-party package that ships inside the
// app, with its version and licence, for the About screen.
//
//   node scripts/licences.mjs           write the file
//   node scripts/licences.mjs --check   fail (exit 1) if the committed file differs from what
//                                       Cargo.lock and package-lock.json give today
//
// Rust: the crates `second-opinion` is built from, as `cargo tree` resolves them for each
// platform the app ships on: normal dependencies only. Build-dependencies, dev-dependencies and
// proc-macros (with what they use) are left out: none of their code is in the app.
// npm: the packages whose code the UI bundle contains, read from a source-mapped Vite build,
// and the font packages the CSS loads; versions and licences come from package-lock.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'ui/src/lib/third-party-licences.json');
const TARGETS = [
  'x86_64-unknown-linux-gnu',
  'x86_64-pc-windows-msvc',
  'aarch64-pc-windows-msvc',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
];
const byName = (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, 'en', { numeric: true });

function rustCrates() {
  const found = new Map();
  for (const target of TARGETS) {
    // `cargo tree` resolves features as the real build does (resolver 2); `no-proc-macro`
    // leaves out proc-macros and what they use.
    const lines = execFileSync(
      'cargo',
      ['tree', '--offline', '--locked', '-p', 'second-opinion', '-e', 'normal,no-proc-macro',
        '--target', target, '--features', 'second-opinion/custom-protocol',
        '--prefix', 'none', '-f', '{p}|{l}'],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    ).split('\n');
    for (const line of lines) {
      // "name v1.2.3|MIT OR Apache-2.0", or "name v0.1.0 (/path)|MIT" for our own crates.
      const m = /^(\S+) v(\S+)( \([^)]*\))?\|(.*?)( \(\*\))?$/.exec(line);
      if (!m || (m[3] && !m[3].startsWith(' (registry'))) continue;
      found.set(`${m[1]}@${m[2]}`, { name: m[1], version: m[2], license: m[4] || 'Not stated' });
    }
  }
  // C libraries compiled into the app by build scripts (so not in the tree above).
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const locked = (name) => new RegExp(`name = "${name}"\\nversion = "([^"]+)"`).exec(lock)?.[1];
  const sqlite = locked('libsqlite3-sys');
  if (sqlite) {
    found.set('SQLCipher', {
      name: 'SQLCipher (C library, built by libsqlite3-sys)',
      version: `bundled with libsqlite3-sys ${sqlite}`,
      license: 'BSD-3-Clause',
    });
  }
  const openssl = locked('openssl-src');
  if (openssl) {
    found.set('OpenSSL', {
      name: 'OpenSSL (C library, built by openssl-src)',
      version: openssl.split('+')[1] ?? openssl,
      license: 'Apache-2.0',
    });
  }
  // Word lists shipped inside a crate under their own licence: the suggested passphrase's
  // words are the EFF's long list (CC BY 3.0 US), which the crate's own licence does not cover.
  const wordlists = locked('diceware_wordlists');
  if (wordlists) {
    found.set('EFF long word list', {
      name: 'EFF long word list (Electronic Frontier Foundation, inside diceware_wordlists)',
      version: `bundled with diceware_wordlists ${wordlists}`,
      license: 'CC-BY-3.0-US',
    });
  }
  return [...found.values()].sort(byName);
}

function npmPackages() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const names = new Set();
  // What the bundle's JavaScript is made of: a throwaway build with source maps.
  const dir = mkdtempSync(join(tmpdir(), 'so-licences-'));
  try {
    execFileSync('npx', ['vite', 'build', '--sourcemap', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: join(root, 'ui'),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (const file of readdirSync(join(dir, 'assets'))) {
      if (!file.endsWith('.map')) continue;
      for (const source of JSON.parse(readFileSync(join(dir, 'assets', file), 'utf8')).sources) {
        const all = [...source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
        if (all.length > 0) names.add(all[all.length - 1][1]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Fonts and other files the CSS loads from packages (url('@scope/package/...')).
  const css = readFileSync(join(root, 'ui/src/app.css'), 'utf8');
  for (const m of css.matchAll(/url\(['"]?((?:@[^/'"]+\/)?[^/'"@.][^/'"]*)\//g)) names.add(m[1]);
  return [...names]
    .map((name) => {
      const entry = lock.packages[`ui/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
      if (!entry) throw new Error(`${name} is in the bundle but not in package-lock.json`);
      return { name, version: entry.version, license: entry.license ?? 'Not stated' };
    })
    .sort(byName);
}

const text = `${JSON.stringify({ rust: rustCrates(), npm: npmPackages() }, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(out, 'utf8');
  } catch {}
  if (committed !== text) {
    console.error(
      'ui/src/lib/third-party-licences.json is out of date with Cargo.lock / package-lock.json.\n' +
        'Run `node scripts/licences.mjs` and commit the result.',
    );
    process.exit(1);
  }
  const { rust, npm } = JSON.parse(text);
  console.log(`third-party licences up to date: ${rust.length} crates, ${npm.length} npm packages`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
