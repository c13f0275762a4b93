#!/usr/bin/env node
// Generates the Anchor IDL of programs/pinfi without the anchor CLI (docs: solana-toolchain.md §4).
// Runs the `__anchor_private_print_idl` tests on stable Rust and rebuilds the IDL from their output the
// same way anchor-lang-idl's IdlBuilder (0.1.2/0.1.4) does, then writes the JSON and the camelCase TS
// type the way anchor-cli 0.31.1 does (`idl_ts`). The JSON gets a trailing newline; anchor writes none.
//
//   node scripts/gen-idl.mjs            write target/{idl,types}/ and packages/idl/src/
//   node scripts/gen-idl.mjs --check    regenerate into a temp dir; exit 1 if packages/idl/src differs
//                                       (cargo runs with --locked: a check never rewrites Cargo.lock)
//   node scripts/gen-idl.mjs -- <args>  extra cargo args (like `anchor idl build -- <args>`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAM = 'pinfi';
const PROGRAM_DIR = path.join(ROOT, 'programs', PROGRAM);
const PKG_DIR = path.join(ROOT, 'packages', 'idl', 'src');

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const flags = sep < 0 ? argv : argv.slice(0, sep);
const cargoArgs = sep < 0 ? [] : argv.slice(sep + 1);
const check = flags.includes('--check');
const unknown = flags.filter((f) => f !== '--check');
if (unknown.length) fail(`unknown argument(s): ${unknown.join(' ')}`);

function fail(msg) {
  console.error(`gen-idl: ${msg}`);
  process.exit(1);
}

// ── 1. cargo test __anchor_private_print_idl ─────────────────────────────────────────────────────
function runCargo() {
  const args = ['test', '-p', PROGRAM, '--lib', '__anchor_private_print_idl', '--features', 'idl-build',
    ...(check && !cargoArgs.includes('--locked') ? ['--locked'] : []), ...cargoArgs, '--', '--show-output', '--quiet'];
  const env = {
    ...process.env,
    ANCHOR_IDL_BUILD_NO_DOCS: 'FALSE',
    ANCHOR_IDL_BUILD_RESOLUTION: 'TRUE',
    ANCHOR_IDL_BUILD_SKIP_LINT: 'TRUE',
    ANCHOR_IDL_BUILD_PROGRAM_PATH: PROGRAM_DIR,
    RUSTFLAGS: '-A warnings',
    CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'pinfi', 'target'),
  };
  console.error(`gen-idl: cargo ${args.join(' ')}  (CARGO_TARGET_DIR=${env.CARGO_TARGET_DIR})`);
  const res = spawnSync('cargo', args, {
    cwd: PROGRAM_DIR, env, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.error) fail(`cannot run cargo: ${res.error.message}`);
  if (res.status !== 0) {
    if (process.env.ANCHOR_LOG) console.error(res.stdout);
    fail(`building the IDL failed (cargo exit ${res.status}); set ANCHOR_LOG=1 to see the test output`);
  }
  return res.stdout;
}

// ── 2. Parse the printed sections and stitch them (IdlBuilder::build) ────────────────────────────
function stitch(stdout) {
  let state = null; // null | 'address' | {kind, lines}
  let address = '';
  let errors = null;
  let idl = null;
  const constants = [], events = [], eventTypes = new Map();
  for (const raw of stdout.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (state === 'address') {
      address = line.replace(/[^\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/gu, '');
      state = null;
    } else if (state) {
      if (line !== `--- IDL end ${state.kind} ---`) { state.lines.push(line); continue; }
      const value = JSON.parse(state.lines.join('\n'));
      if (state.kind === 'const') constants.push(T.cnst(value));
      else if (state.kind === 'event') {
        events.push(T.event(value.event));
        for (const ty of value.types.map(T.typeDef)) eventTypes.set(ty.name, ty);
      } else if (state.kind === 'errors') errors = value.map(T.error);
      else idl = T.idl(value);
      state = null;
    } else {
      const begin = /^--- IDL begin (address|const|event|errors|program) ---$/.exec(line);
      if (begin) {
        if (begin[1] === 'errors' && errors) fail('multiple error definitions are not allowed');
        state = begin[1] === 'address' ? 'address' : { kind: begin[1], lines: [] };
      } else if (line.startsWith('test result: ok') && !line.startsWith('test result: ok. 0 passed; 0 failed; 0') && idl) {
        const types = new Map(eventTypes);
        for (const ty of idl.types ?? []) types.set(ty.name, ty);
        idl = T.idl({
          ...idl, address, events: events.splice(0), errors: errors ?? [],
          types: [...types.values()].sort(byName), constants: constants.splice(0),
        });
        address = ''; errors = null; eventTypes.clear();
      }
    }
  }
  if (!idl) fail("IDL doesn't exist (no `--- IDL begin program ---` section in the test output)");
  return idl;
}

// serde (de)serialisation of anchor_lang_idl::types (spec 0.1.0): field order, skipped defaults, dropped
// unknown keys. Rust round-trips every section through these structs, which fixes the key order.
const list = (f) => (v) => v.map(f);
function struct(fields) { // [key, convert?, skip?]  skip: 'vec' | 'opt' | 'bool' | 'borsh'
  return (v) => {
    const out = {};
    for (const [k, conv, skip] of fields) {
      let x = v[k];
      if (skip === 'vec') x ??= [];
      if ((skip === 'vec' && x.length === 0) || (skip === 'opt' && x == null) || (skip === 'bool' && !x)
        || (skip === 'borsh' && (x == null || x === 'borsh'))) continue;
      out[k] = x == null || !conv ? (x ?? null) : conv(x);
    }
    return out;
  };
}
const tagged = (variants) => (v) => ({ kind: v.kind, ...struct(variants[v.kind])(v) });
const T = {};
const docs = ['docs', null, 'vec'];
T.ty = (v) => {
  if (typeof v === 'string') return v;
  const [k] = Object.keys(v);
  if (k === 'option' || k === 'vec') return { [k]: T.ty(v[k]) };
  if (k === 'array') return { array: [T.ty(v.array[0]), v.array[1]] };
  if (k === 'defined') return { defined: struct([['name'], ['generics', list(T.genericArg), 'vec']])(v.defined) };
  return { [k]: v[k] };
};
T.genericArg = tagged({ type: [['type', T.ty]], const: [['value']] });
T.field = struct([['name'], docs, ['type', T.ty]]);
T.definedFields = (v) => (v.every((f) => f && typeof f === 'object' && 'name' in f && 'type' in f) ? v.map(T.field) : v.map(T.ty));
T.typeDef = struct([['name'], docs, ['serialization', null, 'borsh'], ['repr', tagged({
  rust: [['packed', null, 'bool'], ['align', null, 'opt']], c: [['packed', null, 'bool'], ['align', null, 'opt']], transparent: [],
}), 'opt'], ['generics', list(tagged({ type: [['name']], const: [['name'], ['type']] })), 'vec'], ['type', tagged({
  struct: [['fields', T.definedFields, 'opt']],
  enum: [['variants', list(struct([['name'], ['fields', T.definedFields, 'opt']]))]],
  type: [['alias', T.ty]],
})]]);
T.seed = tagged({ const: [['value']], arg: [['path']], account: [['path'], ['account', null, 'opt']] });
T.account = struct([['name'], docs, ['writable', null, 'bool'], ['signer', null, 'bool'], ['optional', null, 'bool'],
  ['address', null, 'opt'], ['pda', struct([['seeds', list(T.seed)], ['program', T.seed, 'opt']]), 'opt'], ['relations', null, 'vec']]);
T.accountItem = (v) => ('accounts' in v ? { name: v.name, accounts: v.accounts.map(T.accountItem) } : T.account(v));
T.event = struct([['name'], ['discriminator']]);
T.error = struct([['code'], ['name'], ['msg', null, 'opt']]);
T.cnst = struct([['name'], docs, ['type', T.ty], ['value']]);
T.idl = struct([['address'], ['metadata', struct([['name'], ['version'], ['spec'], ['description', null, 'opt'],
  ['repository', null, 'opt'], ['dependencies', list(struct([['name'], ['version']])), 'vec'], ['contact', null, 'opt'],
  ['deployments', struct([['mainnet'], ['testnet'], ['devnet'], ['localnet']]), 'opt']])], docs,
  ['instructions', list(struct([['name'], docs, ['discriminator'], ['accounts', list(T.accountItem)], ['args', list(T.field)],
    ['returns', T.ty, 'opt']]))],
  ['accounts', list(T.event), 'vec'], ['events', list(T.event), 'vec'], ['errors', list(T.error), 'vec'],
  ['types', list(T.typeDef), 'vec'], ['constants', list(T.cnst), 'vec']]);

const utf8Cmp = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const byName = (a, b) => utf8Cmp(a.name, b.name);

// Rust regex `\w` is Unicode-aware.
const W = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]`;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Replace `"a::b::Name"` with `"Name"` unless another `"…::Name"` would remain.
function convertModulePaths(idl) {
  const orig = JSON.stringify(idl);
  let acc = orig;
  for (const m of orig.matchAll(new RegExp(`"(${W}+::)+(${W}+)"`, 'gu'))) {
    const replaced = acc.split(m[0]).join(`"${m[2]}"`);
    if (!new RegExp(`"(${W}+::)+${escapeRe(m[2])}"`, 'u').test(replaced)) acc = replaced;
  }
  return T.idl(JSON.parse(acc));
}

function sortIdl(idl) {
  for (const k of ['accounts', 'constants', 'events', 'instructions', 'types']) idl[k]?.sort(byName);
  return idl;
}

function verify(idl) {
  const acc = idl.accounts ?? [];
  const named = acc.find((a) => a.name.includes('::'));
  if (named) fail(`conflicting account names are not allowed: \`${named.name}\``);
  for (const field of ['accounts', 'events', 'instructions']) {
    const items = idl[field] ?? [];
    const empty = items.find((it) => it.discriminator.length === 0);
    if (empty) fail(`empty discriminators are not allowed for ${field}: \`${empty.name}\``);
    for (const outer of items) {
      const inner = items.find((i) => i.name !== outer.name && i.discriminator.every((b, j) => outer.discriminator[j] === b));
      if (inner) fail(`ambiguous discriminators for ${field} \`${outer.name}\` and \`${inner.name}\``);
    }
  }
  const zero = acc.find((a) => a.discriminator.every((b) => b === 0));
  if (zero) fail(`all-zero account discriminators are not allowed (account: \`${zero.name}\`)`);
  for (const a of acc) {
    let zeros = 0;
    while (zeros < a.discriminator.length && a.discriminator[zeros] === 0) zeros++;
    const b = acc.find((x) => x.discriminator.length <= zeros);
    if (b) fail(`accounts may allow substitution when used with the \`zero\` constraint: \`${a.name}\` \`${b.name}\``);
  }
}

// ── 3. TS type (anchor-cli idl_ts) ───────────────────────────────────────────────────────────────
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function isPubkey(s) { // solana Pubkey::from_str
  if (s.length > 44) return false;
  let n = 0n;
  for (const c of s) {
    const d = B58.indexOf(c);
    if (d < 0) return false;
    n = n * 58n + BigInt(d);
  }
  let len = 0;
  for (; n > 0n; n >>= 8n) len++;
  for (const c of s) { if (c !== '1') break; len++; }
  return len === 32;
}

// heck 0.4 (default features) word splitting and case conversion.
function heckWords(s) {
  const out = [];
  for (const word of s.split(/[^A-Za-z0-9]/)) {
    let init = 0, mode = 'b';
    for (let i = 0; i < word.length; i++) {
      const c = word[i], next = word[i + 1];
      if (next === undefined) { out.push(word.slice(init)); break; }
      const lo = /[a-z]/.test(c), up = /[A-Z]/.test(c);
      const nextMode = lo ? 'l' : up ? 'u' : mode;
      if (nextMode === 'l' && /[A-Z]/.test(next)) { out.push(word.slice(init, i + 1)); init = i + 1; mode = 'b'; }
      else if (mode === 'u' && up && /[a-z]/.test(next)) { out.push(word.slice(init, i)); init = i; mode = 'b'; }
      else mode = nextMode;
    }
  }
  return out;
}
const capitalize = (w) => w.slice(0, 1).toUpperCase() + w.slice(1).toLowerCase();
const lowerCamel = (s) => heckWords(s).map((w, i) => (i ? capitalize(w) : w.toLowerCase())).join('');
const pascal = (s) => heckWords(s).map(capitalize).join('');

function idlTs(idl) {
  const name = idl.metadata.name;
  const compact = JSON.stringify(idl);
  let acc = compact;
  for (const m of compact.matchAll(new RegExp(`"${W}+":"((?:${W}|\\p{Nd})+)"`, 'gu'))) {
    if (isPubkey(m[1])) continue;
    acc = acc.split(`"${m[1]}"`).join(`"${lowerCamel(m[1])}"`);
  }
  return `/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at \`target/idl/${name}.json\`.
 */
export type ${pascal(name)} = ${JSON.stringify(T.idl(JSON.parse(acc)), null, 2)};
`;
}

// ── 4. Write or check ────────────────────────────────────────────────────────────────────────────
function diffSummary(file, want, have) {
  if (have === null) return [`${file}: missing (run \`npm run idl\`)`];
  const a = have.split('\n'), b = want.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const out = [`${file}: differs from the program (first difference at line ${i + 1})`,
    `  committed: ${JSON.stringify(a[i] ?? '<EOF>')}`, `  generated: ${JSON.stringify(b[i] ?? '<EOF>')}`];
  if (file.endsWith('.json')) {
    let old;
    try { old = JSON.parse(have); } catch { return out; }
    const cur = JSON.parse(want);
    if (old.address !== cur.address) out.push(`  address: ${old.address} -> ${cur.address}`);
    for (const k of ['instructions', 'accounts', 'events', 'types', 'errors', 'constants']) {
      const m0 = new Map((old[k] ?? []).map((x) => [x.name, JSON.stringify(x)]));
      const m1 = new Map((cur[k] ?? []).map((x) => [x.name, JSON.stringify(x)]));
      const added = [...m1.keys()].filter((n) => !m0.has(n));
      const removed = [...m0.keys()].filter((n) => !m1.has(n));
      const changed = [...m1.keys()].filter((n) => m0.has(n) && m0.get(n) !== m1.get(n));
      for (const [label, list] of [['added', added], ['removed', removed], ['changed', changed]]) {
        if (list.length) out.push(`  ${k} ${label}: ${list.join(', ')}`);
      }
    }
  }
  return out;
}

const t0 = Date.now();
const idl = sortIdl(convertModulePaths(stitch(runCargo())));
verify(idl);
const name = idl.metadata.name;
const files = { [`${name}.json`]: `${JSON.stringify(idl, null, 2)}\n`, [`${name}.ts`]: idlTs(idl) };
const secs = ((Date.now() - t0) / 1000).toFixed(1);

if (check) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pinfi-idl-'));
  const problems = [];
  for (const [file, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(tmp, file), text);
    const committed = path.join(PKG_DIR, file);
    const have = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : null;
    if (have !== text) problems.push(...diffSummary(path.relative(ROOT, committed), text, have));
  }
  if (problems.length) {
    console.error(`gen-idl --check: the committed IDL is stale (fresh copy in ${tmp}):`);
    for (const p of problems) console.error(`  ${p}`);
    console.error('Run `npm run idl` and commit packages/idl/src.');
    process.exit(1);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.error(`gen-idl --check: packages/idl/src/${name}.{json,ts} are up to date (${secs}s)`);
} else {
  const targets = [
    [path.join(ROOT, 'target', 'idl'), `${name}.json`], [path.join(ROOT, 'target', 'types'), `${name}.ts`],
    [PKG_DIR, `${name}.json`], [PKG_DIR, `${name}.ts`],
  ];
  for (const [dir, file] of targets) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, file), files[file]);
    console.error(`gen-idl: wrote ${path.relative(ROOT, path.join(dir, file))}`);
  }
  console.error(`gen-idl: done in ${secs}s`);
}
