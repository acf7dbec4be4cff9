#!/usr/bin/env node
// Robustness fuzzing of the engine: mutates real templates and runs parse, every rule, every fix
// and every suppression quick fix on each mutant, with each step timed.
//
//   npm run fuzz -- [--seed N] [--count N] [--seconds N] [--corpus DIR[,DIR...]] [--mutant I] [--jobs N] [--out DIR] [--report FILE]
//
// --report FILE writes the run's figures as JSON (scripts/gen-robustness-doc.mjs turns the one in
// docs/ into docs/robustness.md).
//
// --jobs N runs N fuzzing processes at once, each over its own slice of the mutant indices (the
// same mutants as with one job; use at most one per core).
//
// Bounded: at most --count mutants (default 3000) and --seconds of wall time (default 120, a hard
// stop, shrinking included). Reproducible: mutant I of seed S is always the same text, whatever ran
// before it; `--seed S --mutant I` runs and prints only that one. The default seed is the date
// (YYYYMMDD, UTC), so that each day explores other mutants; it is always printed.
//
// Corpus: test-workspace/ and ../shared/corpus/kics/cloudFormation (skipped with a message when
// absent), or the files and folders given to --corpus.
//
// Mutations: byte flips and random bytes (invalid UTF-8), line deletion, duplication and swaps,
// truncation, indentation changes, tab indentation, tag swaps (`!Ref` -> `!GetAtt`, `!!binary`,
// `"Ref"` -> `"Fn::Sub"`...), unicode (emoji, CJK, combining marks, bidi, NUL, lone surrogates),
// CRLF / mixed / CR line endings, `&a` anchors and `*a` aliases, alias bombs, values nested up to
// 10,000 deep, lines of 10,000 to 100,000 characters, document markers. 1 to 3 per mutant.
//
// Each mutant is linted with a fresh Linter and with two Linters that first linted the unmutated
// file (the incremental path): one lints the mutant at once, the other first does its work ahead
// in steps, as the server runs it; every finding's fix edits are computed, applied (applyEdits)
// and the result linted again; every finding's suppress('line') and suppress('resource') edits
// too; and fixAll. The mutants run one after the other in one process (a child of this one, so
// that an out-of-memory or an endless loop, which no in-process guard can catch, is still reported
// and the run goes on with the next mutant).
//
// Failure kinds:
//   crash                 an exception escaped the engine (lint, fix edits, applyEdits, suppress, fixAll)
//   hang                  one step took more than --hang-ms (default 1000 ms; fixAll: 5 times that), or
//                         the process made no progress for --watchdog seconds (default 30) and was killed
//   oom                   the process ran out of memory (its heap is limited to --heap-mb, default 1024)
//   unclear-result        neither recognised as a template nor skipped with a reason
//   bad-range             a finding's or an edit's span is outside the text or ends before it starts,
//                         or a parse-error without a message
//   incremental-mismatch  the incremental path gives other findings or fix edits than a fresh Linter
//   cut-mismatch          YAML cut into pieces (as every lint does) reads otherwise than a whole-document
//                         parse: an error where it has none, none where it has one, or another model
//                         (keys, values, spans) of a text without errors
//   fix-breaks-parse      a fix applied to a text without parse errors gives a text with parse errors
//   suppress-breaks-parse the same for a suppression quick fix (line or resource)
// Each distinct failure is shrunk (lines, then characters, removed while it still fails the same
// way; bounded in time) and written to --out (default /tmp/infralint-fuzz) as <kind>-<n>.<ext>
// (the extension of the mutated file: it chooses the parser), with <kind>-<n>.before.<ext> (the
// previous version, when the failure needs the incremental path) and <kind>-<n>.txt (what failed,
// how to reproduce). Exit code 0: no failure; 1: failures; 2: usage error.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options

function usage(message) {
  if (message) console.error(`fuzz: ${message}`);
  console.error(
    'usage: node scripts/fuzz.mjs [--seed N] [--count N] [--seconds N] [--corpus DIR[,DIR...]] [--mutant I] [--out DIR]\n' +
      '                             [--jobs N] [--report FILE] [--hang-ms N] [--watchdog SECONDS] [--heap-mb N]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const today = new Date();
  const opts = {
    seed: today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate(),
    count: 3000,
    seconds: 120,
    corpus: [path.join(ROOT, 'test-workspace'), path.resolve(ROOT, '../shared/corpus/kics/cloudFormation')],
    out: '/tmp/infralint-fuzz',
    report: undefined,
    hangMs: 1000,
    watchdog: 30,
    heapMb: 1024,
    jobs: 1,
    mutant: undefined,
    // Internal: the child process that runs the mutants, and one-shot checks for shrinking.
    child: false,
    start: 0,
    end: 0,
    deadline: 0,
    fileNo: 0,
    known: undefined,
    check: undefined,
    fileName: undefined,
    before: undefined,
  };
  const ints = {
    '--seed': 'seed', '--count': 'count', '--seconds': 'seconds', '--hang-ms': 'hangMs', '--watchdog': 'watchdog',
    '--heap-mb': 'heapMb', '--jobs': 'jobs', '--mutant': 'mutant', '--start': 'start', '--end': 'end', '--deadline': 'deadline', '--file-no': 'fileNo',
  };
  const strings = { '--known': 'known', '--check': 'check', '--file-name': 'fileName', '--before': 'before' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag in ints) {
      const n = Number(value());
      if (!Number.isSafeInteger(n) || n < 0) usage(`${flag} must be a non-negative integer`);
      opts[ints[flag]] = n;
    } else if (flag in strings) {
      opts[strings[flag]] = value();
    } else if (flag === '--corpus') {
      opts.corpus = value().split(',').filter(Boolean).map((p) => path.resolve(p));
    } else if (flag === '--report') {
      opts.report = path.resolve(value());
    } else if (flag === '--out') {
      opts.out = path.resolve(value());
    } else if (flag === '--child') {
      opts.child = true;
    } else if (flag === '--help' || flag === '-h') {
      usage();
    } else {
      usage(`unknown option ${argv[i]}`);
    }
  }
  if (opts.count === 0 && opts.mutant === undefined) usage('--count must be at least 1');
  if (opts.jobs === 0) usage('--jobs must be at least 1');
  return opts;
}

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast, and the same on every platform. */
function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

function mix32(x) {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of mutant `index`: each mutant can be rebuilt alone, and nearby seeds share no mutants. */
function mutantSeed(seed, index) {
  const s = mix32(mix32(seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32));
  return mix32(s + Math.imul(index + 1, 0x9e3779b9));
}

// ---------------------------------------------------------------- corpus

const TEMPLATE_EXT = /\.(ya?ml|json|template)$/i;

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    // KICS keeps each query's metadata in a meta.json beside the templates: not a template.
    else if (TEMPLATE_EXT.test(entry.name) && entry.name !== 'meta.json') out.push(full);
  }
  return out;
}

function loadCorpus(dirs, log) {
  const files = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) {
      log(`fuzz: corpus ${dir} is absent: skipped`);
      continue;
    }
    const found = fs.statSync(dir).isDirectory() ? walk(dir, []).sort() : [dir];
    let n = 0;
    for (const file of found) {
      const buffer = fs.readFileSync(file);
      if (buffer.length > 512 * 1024) continue;
      let text = buffer.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      files.push({ file, rel: path.relative(ROOT, file), text });
      n++;
    }
    log(`fuzz: corpus ${path.relative(ROOT, dir) || dir}: ${n} files`);
  }
  return files;
}

// ---------------------------------------------------------------- mutations

const UNICODE = [
  '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '漢字', '日本語のテキスト', '한국어', 'e\u0301', 'a\u0300\u0301\u0302\u0303\u0304',
  'Z̸̡̛̖͇̈́a̷̙̓l̴̰̐g̸̯̈́o̵̝̅', '\u200b', '\u200d', '\u202e', '\u2028', '\u2029', '\u0085', '\u00a0', '\ufeff', '\ufffd',
  '\u0000', '\u0007', '\u001b[31m', '\ud800', '\udfff', 'ﷺ', 'Ω', 'İ', 'ß', '\t', '\r', '\v', '\f',
];

const TAGS = [
  '!Ref', '!GetAtt', '!Sub', '!Join', '!If', '!Select', '!Split', '!FindInMap', '!Base64', '!Cidr', '!ImportValue',
  '!Equals', '!Not', '!And', '!Or', '!Condition', '!GetAZs', '!Transform', '!ToJsonString', '!Length', '!ForEach',
  '!Foo', '!!binary', '!!str', '!!int', '!!map', '!!seq', '!!null', '!!bool', '!<tag:yaml.org,2002:str>', '!',
];
const JSON_FNS = [
  'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::FindInMap', 'Fn::Base64',
  'Fn::ImportValue', 'Fn::Equals', 'Fn::Not', 'Condition', 'Fn::Transform', 'Fn::Foo', 'Type', 'Properties', '',
];

const isJsonText = (text) => /^\uFEFF?\s*[{[]/.test(text);

function splitLines(text) {
  return text.split(/(?<=\n)/);
}

/** Lines that hold `key: value` (YAML) or `"key": value` (JSON), with where the value starts. */
function valueSites(text) {
  const sites = [];
  const re = isJsonText(text) ? /"[^"\n]*"\s*:\s*(?=\S)/g : /^[ \t]*(?:- )?[^\s#:][^:\n#]*:[ \t]+(?=[^\s#])/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text[end - 1] === '\r') end--;
    if (isJsonText(text)) {
      // Up to the end of a simple value; a nested value is replaced as far as its first line goes.
      const simple = /^(?:"(?:[^"\\\n]|\\.)*"|[-\w.+]+)/.exec(text.slice(start, end));
      end = start + (simple ? simple[0].length : 1);
    }
    sites.push({ start, end });
  }
  return sites;
}

function nest(depth, style, json) {
  switch (style) {
    case 'seq':
      return '['.repeat(depth) + '1' + ']'.repeat(depth);
    case 'map':
      return json ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
    case 'if':
      return json
        ? '{"Fn::If":["C","x",'.repeat(depth) + '"y"' + ']}'.repeat(depth)
        : '!If [C, x, '.repeat(depth) + 'y' + ']'.repeat(depth);
    case 'join':
      return json ? '{"Fn::Join":["",['.repeat(depth) + '"x"' + ']]}'.repeat(depth) : '!Join ["", ['.repeat(depth) + 'x' + ']]'.repeat(depth);
    default: {
      // Block style: the text grows with the square of the depth, so it stays shallower.
      const d = Math.min(depth, 400);
      let s = '';
      for (let i = 1; i <= d; i++) s += '\n' + ' '.repeat(i * 2 + 8) + 'k:';
      return s + ' 1';
    }
  }
}

const MUTATIONS = {
  byteFlip(text, rng) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    for (let n = 1 + rng.int(4); n > 0; n--) bytes[rng.int(bytes.length)] ^= 1 << rng.int(8);
    return bytes.toString('utf8');
  },
  binaryBytes(text, rng) {
    const bytes = Buffer.from(text, 'utf8');
    const junk = Buffer.alloc(1 + rng.int(24));
    for (let i = 0; i < junk.length; i++) junk[i] = rng.int(256);
    const at = rng.int(bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]).toString('utf8');
  },
  deleteLines(text, rng) {
    const lines = splitLines(text);
    const at = rng.int(lines.length);
    lines.splice(at, 1 + rng.int(3));
    return lines.join('');
  },
  duplicateLines(text, rng) {
    const lines = splitLines(text);
    const at = rng.int(lines.length);
    const block = lines.slice(at, at + 1 + rng.int(6));
    if (block.length && !block[block.length - 1].endsWith('\n')) block[block.length - 1] += '\n';
    lines.splice(rng.int(lines.length + 1), 0, ...block);
    return lines.join('');
  },
  swapLines(text, rng) {
    const lines = splitLines(text);
    if (lines.length < 2) return text;
    const a = rng.int(lines.length);
    const b = rng.int(lines.length);
    const la = lines[a].replace(/\n$/, '');
    const lb = lines[b].replace(/\n$/, '');
    lines[a] = lb + (lines[a].endsWith('\n') ? '\n' : '');
    lines[b] = la + (lines[b].endsWith('\n') ? '\n' : '');
    return lines.join('');
  },
  truncate(text, rng) {
    return text.slice(0, rng.int(text.length + 1));
  },
  indent(text, rng) {
    const lines = splitLines(text);
    const at = rng.int(lines.length);
    const n = rng.chance(0.7) ? 1 : 1 + rng.int(8);
    for (let k = at; k < Math.min(lines.length, at + n); k++) {
      const delta = rng.pick([-4, -2, -1, 1, 2, 4]);
      lines[k] = delta > 0 ? ' '.repeat(delta) + lines[k] : lines[k].replace(new RegExp(`^ {1,${-delta}}`), '');
    }
    return lines.join('');
  },
  tabIndent(text, rng) {
    const all = rng.chance(0.3);
    return splitLines(text)
      .map((line) => (all || rng.chance(0.2) ? line.replace(/^( +)/, (s) => (rng.chance(0.5) ? '\t'.repeat(Math.ceil(s.length / 2)) : s.slice(1) + '\t')) : line))
      .join('');
  },
  tagSwap(text, rng) {
    const json = isJsonText(text);
    const re = json ? /"(Ref|Fn::\w+|Condition)"(?=\s*:)/g : /(?<=^|[\s[{,:-])!{1,2}[\w:]*/g;
    const hits = [...text.matchAll(re)];
    if (hits.length === 0 || rng.chance(0.25)) {
      // No tag to swap: put one in front of a value.
      const sites = valueSites(text);
      if (sites.length === 0) return text;
      const site = rng.pick(sites);
      const insert = json ? `{"${rng.pick(JSON_FNS)}": ` : `${rng.pick(TAGS)} `;
      return json ? text.slice(0, site.start) + insert + text.slice(site.start, site.end) + '}' + text.slice(site.end) : text.slice(0, site.start) + insert + text.slice(site.start);
    }
    const hit = rng.pick(hits);
    const replacement = json ? `"${rng.pick(JSON_FNS)}"` : rng.pick(TAGS);
    return text.slice(0, hit.index) + replacement + text.slice(hit.index + hit[0].length);
  },
  unicode(text, rng) {
    let out = text;
    for (let n = 1 + rng.int(3); n > 0; n--) {
      const at = rng.int(out.length + 1);
      out = out.slice(0, at) + rng.pick(UNICODE) + out.slice(at);
    }
    return out;
  },
  lineEndings(text, rng) {
    switch (rng.int(4)) {
      case 0:
        return text.replace(/\r?\n/g, '\r\n');
      case 1:
        return text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r\n', '\n']));
      case 2:
        return text.replace(/\r?\n/g, () => (rng.chance(0.1) ? '\r' : '\n'));
      default:
        return text.replace(/\r?\n/g, '\r');
    }
  },
  anchors(text, rng) {
    const sites = valueSites(text);
    if (sites.length === 0) return text;
    const name = rng.pick(['a', 'b', 'x1', 'anchor', 'Ref']);
    const anchorSite = rng.pick(sites);
    const aliasSite = rng.pick(sites);
    // Later sites first, so that offsets stay valid.
    const edits = [{ at: anchorSite.start, del: 0, ins: `&${name} ` }];
    if (aliasSite !== anchorSite && rng.chance(0.8)) edits.push({ at: aliasSite.start, del: aliasSite.end - aliasSite.start, ins: `*${rng.chance(0.9) ? name : 'undefined'}` });
    edits.sort((x, y) => y.at - x.at);
    let out = text;
    for (const e of edits) out = out.slice(0, e.at) + e.ins + out.slice(e.at + e.del);
    return out;
  },
  aliasBomb(text, rng) {
    // Nine levels of nine aliases each: 9^9 values if expanded.
    const lines = splitLines(text);
    const at = rng.int(lines.length + 1);
    const pad = ' '.repeat(rng.pick([0, 2, 4, 6]));
    let bomb = `${pad}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 9; i++) bomb += `${pad}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    bomb += `${pad}Properties: *l8\n`;
    lines.splice(at, 0, bomb);
    return lines.join('');
  },
  deepNest(text, rng) {
    const sites = valueSites(text);
    if (sites.length === 0) return text;
    const site = rng.pick(sites);
    const depth = rng.pick([100, 1000, 2500, 4000, 5000, 7000, 10000]);
    const style = rng.pick(['seq', 'map', 'if', 'join', 'block']);
    return text.slice(0, site.start) + nest(depth, style, isJsonText(text)) + text.slice(site.end);
  },
  longLine(text, rng) {
    const json = isJsonText(text);
    const length = rng.pick([10000, 10000, 30000, 100000]);
    const sites = valueSites(text);
    const kind = rng.int(4);
    if (kind === 0 || sites.length === 0) {
      // A comment (YAML) or whitespace (JSON) line.
      const lines = splitLines(text);
      lines.splice(rng.int(lines.length + 1), 0, (json ? ' '.repeat(length) : '# ' + 'x'.repeat(length)) + '\n');
      return lines.join('');
    }
    const site = rng.pick(sites);
    let value;
    if (kind === 1) value = json ? `"${'v'.repeat(length)}"` : 'v'.repeat(length);
    else if (kind === 2) value = '[' + Array(Math.floor(length / 3)).fill('"1"').join(',') + ']';
    else value = json ? `{"Fn::Sub":"${'${AWS::Region}-'.repeat(length / 16)}"}` : `!Sub "${'${AWS::Region}-'.repeat(length / 16)}"`;
    return text.slice(0, site.start) + value + text.slice(site.end);
  },
  documentMarkers(text, rng) {
    const lines = splitLines(text);
    lines.splice(rng.int(lines.length + 1), 0, rng.pick(['---\n', '...\n', '--- |\n', '%YAML 1.2\n---\n', '--- !!map\n']));
    return lines.join('');
  },
};

const WEIGHTS = [
  ['byteFlip', 10], ['binaryBytes', 4], ['deleteLines', 10], ['duplicateLines', 10], ['swapLines', 4], ['truncate', 6],
  ['indent', 10], ['tabIndent', 4], ['tagSwap', 8], ['unicode', 6], ['lineEndings', 5], ['anchors', 5], ['aliasBomb', 2],
  ['deepNest', 2], ['longLine', 2], ['documentMarkers', 3],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((s, [, w]) => s + w, 0);

function pickMutation(rng) {
  let r = rng.int(TOTAL_WEIGHT);
  for (const [name, w] of WEIGHTS) {
    if (r < w) return name;
    r -= w;
  }
  return WEIGHTS[0][0];
}

function makeMutant(corpus, seed, index) {
  const rng = makeRng(mutantSeed(seed, index));
  const source = corpus[rng.int(corpus.length)];
  const applied = [];
  let text = source.text;
  const n = rng.chance(0.6) ? 1 : 2 + rng.int(2);
  for (let k = 0; k < n; k++) {
    const name = pickMutation(rng);
    text = MUTATIONS[name](text, rng);
    applied.push(name);
  }
  return { index, source, text, mutations: applied, fileName: path.basename(source.file) };
}

// ---------------------------------------------------------------- checks

let engine;
// The parser's own modules, to compare the cut with a whole-document parse (see checkText).
let yamlUnit;
let yamlDocument;
let nodes;

function loadEngine() {
  const out = path.join(ROOT, 'shared-rules/out/src');
  engine = require(path.join(out, 'index.js'));
  yamlUnit = require(path.join(out, 'parse/yaml-unit.js'));
  yamlDocument = require(path.join(out, 'parse/yaml-document.js'));
  nodes = require(path.join(out, 'model/nodes.js'));
}
let lastBeat = 0;

/** Tells the supervisor that this process is alive (at most a few times a second). */
function beat() {
  const now = Date.now();
  if (process.send && now - lastBeat > 250) {
    lastBeat = now;
    process.send({ type: 'beat' });
  }
}

function errorOf(error) {
  const message = error instanceof Error ? error.message : String(error);
  const frame = error instanceof Error ? (error.stack ?? '').split('\n').find((l) => /^\s+at /.test(l))?.trim() ?? '' : '';
  return { message: message.split('\n')[0].slice(0, 300), stack: error instanceof Error ? error.stack ?? '' : '', frame };
}

class Failure {
  constructor(kind, stage, key, message, detail = '') {
    Object.assign(this, { kind, stage, key, message, detail });
  }
  /** What must stay the same while shrinking, and what makes two failures the same one. */
  get signature() {
    // A crash or hang while linting is the same failure on either path (fresh, incremental, after a fix).
    const stage = /^lint/.test(this.stage) ? 'lint' : this.stage;
    return `${this.kind}|${stage}|${this.key}`;
  }
}

const hasParseError = (result) => result.findings.some((f) => f.ruleId === engine.PARSE_ERROR);
const findingKey = (f) => `${f.ruleId}@${f.span.start}-${f.span.end}: ${f.message}`;
// Where the stack runs out depends on how deep the caller already was, so a parse error from a
// stack overflow (a separate failure: see the depth tests) can sit elsewhere on either path.
const comparableKey = (f) => (/call stack/i.test(f.message) ? `${f.ruleId}: ${f.message}` : findingKey(f));
/** A parsed node as plain data with absolute spans, mappings' own spans included. */
const modelKey = (node) => JSON.stringify(modelOf(node));
function modelOf(node) {
  if (!node) return null;
  const at = [node.unit.base + node.start, node.unit.base + node.end];
  if (node.kind === 'scalar') return [...at, node.value];
  if (node.kind === 'seq') return [...at, node.items.map(modelOf)];
  return [...at, node.entries.map((e) => [e.key, e.keyNode.unit.base + e.keyNode.start, e.keyNode.unit.base + e.keyNode.end, modelOf(e.value)])];
}
const editsKey = (edits) => edits.map((e) => `${e.span.start}-${e.span.end}=${JSON.stringify(e.newText)}`).join(';');

/**
 * Runs everything on one text and returns the failures (empty when all is well). `before` is the
 * previous version for the incremental path. With `stopAt` (a signature), returns as soon as it is met.
 */
/** The keys of `a` that `b` lacks, counting repeats (by counts: a template can have 100,000 findings). */
function missingFrom(a, b) {
  const left = new Map();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  return a.filter((k) => {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n === 0;
  });
}

function checkText(text, fileName, before, opts, stopAt) {
  const failures = [];
  const add = (f) => {
    failures.push(f);
    return stopAt !== undefined && f.signature === stopAt;
  };
  let maxMs = 0;
  const syntax = /\.json$/i.test(fileName) ? 'json' : 'yaml';
  const timed = (stage, limitMs, fn) => {
    beat();
    const t0 = performance.now();
    try {
      const value = fn();
      const ms = performance.now() - t0;
      maxMs = Math.max(maxMs, ms);
      if (ms > limitMs) add(new Failure('hang', stage, '', `${stage} took ${Math.round(ms)} ms (limit ${limitMs} ms)`));
      return { value, ms };
    } catch (error) {
      const e = errorOf(error);
      // The same exception from the JSON and the YAML path is two failures.
      add(new Failure('crash', stage, `${syntax}: ${e.message.replace(/\d+/g, 'N')}`, `${stage} threw: ${e.message}`, e.stack));
      return { error };
    }
  };
  const options = { fileName };
  const lintLimit = opts.hangMs;
  const done = () => stopAt !== undefined && failures.some((f) => f.signature === stopAt);

  const validEdit = (e) => Number.isInteger(e.span.start) && Number.isInteger(e.span.end) && e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length && typeof e.newText === 'string';

  // 0. The cut of a YAML text against a whole-document parse of it (a fresh Linter uses the cut).
  if (syntax === 'yaml') {
    const whole = timed('parse-whole', lintLimit, () => yamlUnit.parseYamlUnit(text, nodes.newUnit(0)));
    const cut = timed('parse-cut', lintLimit, () => yamlDocument.parseYamlTemplate(text));
    if (done()) return { failures, maxMs };
    if (whole.value && cut.value && cut.value.incremental) {
      const [w, c] = [whole.value.errors, cut.value.errors];
      const error = (e) => (e ? `${e.span.start}: ${e.message}` : 'none');
      let key;
      if (w.length === 0 && c.length > 0) key = 'false-error';
      else if (w.length > 0 && c.length === 0) key = 'missed-error';
      else if (w.length === 0 && modelKey(cut.value.root) !== modelKey(whole.value.root)) key = 'model';
      if (key && add(new Failure('cut-mismatch', 'parse', key, `the cut YAML and a whole-document parse differ (${key})`, `  whole: ${error(w[0])}\n  cut:   ${error(c[0])}`))) {
        return { failures, maxMs };
      }
    }
  }

  // 1. A fresh Linter.
  const fresh = timed('lint', lintLimit, () => new engine.Linter().lint(text, options));
  if (fresh.error || done()) return { failures, maxMs };
  const result = fresh.value;
  if (result.format !== 'cloudformation' && !result.skippedReason) {
    if (add(new Failure('unclear-result', 'lint', '', 'neither a template nor skipped with a reason'))) return { failures, maxMs };
  }
  for (const f of result.findings) {
    const { start, end } = f.span;
    const inside = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
    const ordered = f.range.start.line < f.range.end.line || (f.range.start.line === f.range.end.line && f.range.start.character <= f.range.end.character);
    if (!inside || !ordered) {
      if (add(new Failure('bad-range', 'lint', f.ruleId, `${f.ruleId} finding at ${start}-${end} (text length ${text.length}), range ${JSON.stringify(f.range)}`))) return { failures, maxMs };
    }
    if (f.ruleId === engine.PARSE_ERROR && !(typeof f.message === 'string' && f.message.trim())) {
      if (add(new Failure('bad-range', 'lint', 'parse-error-message', 'parse-error without a message'))) return { failures, maxMs };
    }
  }
  const parsedClean = result.format === 'cloudformation' && !hasParseError(result);

  // 2. The incremental paths: a Linter that linted the previous version first, then lints this one
  // at once (fix-all's loop, the CLI after --fix), or does its work ahead in steps first, one piece
  // or resource each, as the server does. The fix edits below are compared with the first one's.
  let incremental;
  if (before !== undefined) {
    for (const path of ['lint', 'steps']) {
      const linter = new engine.Linter();
      const first = timed('lint-before', lintLimit, () => linter.lint(before, options));
      if (done()) return { failures, maxMs };
      if (first.error) break;
      const second = timed(path === 'lint' ? 'lint-incremental' : 'lint-incremental-steps', lintLimit, () => {
        if (path === 'steps') for (let steps = 0; steps < 1e6 && !linter.prepare(text, options, () => true); steps++);
        return linter.lint(text, options);
      });
      if (done()) return { failures, maxMs };
      const other = second.value;
      if (!other) continue;
      const a = result.findings.map(comparableKey);
      const b = other.findings.map(comparableKey);
      const onlyFresh = missingFrom(a, b);
      const onlyIncremental = missingFrom(b, a);
      if (onlyFresh.length || onlyIncremental.length || result.skippedReason !== other.skippedReason) {
        const detail = [...onlyFresh.slice(0, 5).map((k) => `  fresh only:       ${k}`), ...onlyIncremental.slice(0, 5).map((k) => `  incremental only: ${k}`)].join('\n');
        if (add(new Failure('incremental-mismatch', path === 'lint' ? 'lint' : 'lint-steps', '', `fresh and incremental (${path}) findings differ (${onlyFresh.length} vs ${onlyIncremental.length})`, detail))) return { failures, maxMs };
      } else if (path === 'lint') {
        incremental = other;
      }
    }
  }

  // 3. Every fix: edits valid, applied, and the result still parses when the text did.
  result.findings.forEach((f, i) => {
    if (done() || !f.fix) return;
    const edits = timed('fix-edits', lintLimit, () => f.fix.edits());
    if (edits.error) return;
    if (!edits.value.every(validEdit)) {
      add(new Failure('bad-range', 'fix-edits', f.ruleId, `${f.ruleId} fix edit outside the text: ${editsKey(edits.value).slice(0, 200)}`));
      return;
    }
    const other = incremental?.findings[i];
    if (other?.fix && findingKey(other) === findingKey(f)) {
      const incEdits = timed('fix-edits-incremental', lintLimit, () => other.fix.edits());
      if (!incEdits.error && editsKey(incEdits.value) !== editsKey(edits.value)) {
        add(new Failure('incremental-mismatch', 'fix-edits', f.ruleId, `${f.ruleId} fix edits differ between fresh and incremental lint`, `  fresh:       ${editsKey(edits.value).slice(0, 300)}\n  incremental: ${editsKey(incEdits.value).slice(0, 300)}`));
      }
    }
    if (edits.value.length === 0) return;
    const applied = timed('apply-fix', lintLimit, () => engine.applyEdits(text, edits.value));
    if (applied.error) return;
    const relinted = timed('lint-fixed', lintLimit, () => new engine.Linter().lint(applied.value, options));
    if (relinted.error || !parsedClean) return;
    if (relinted.value.format !== 'cloudformation' || hasParseError(relinted.value)) {
      const pe = relinted.value.findings.find((x) => x.ruleId === engine.PARSE_ERROR);
      add(new Failure('fix-breaks-parse', 'fix', f.ruleId, `fix "${f.fix.title}" of ${f.ruleId} gives ${pe ? `a parse error: ${pe.message}` : 'a text that is no longer a template'}`, `  edits: ${editsKey(edits.value).slice(0, 400)}`));
    }
  });
  if (done()) return { failures, maxMs };

  // 4. Every suppression quick fix.
  for (const f of result.findings) {
    if (!f.suppress) continue;
    for (const scope of ['line', 'resource']) {
      if (done()) return { failures, maxMs };
      const edits = timed('suppress', lintLimit, () => f.suppress(scope));
      if (edits.error || edits.value.length === 0) continue;
      if (!edits.value.every(validEdit)) {
        add(new Failure('bad-range', 'suppress', `${scope}`, `${f.ruleId} suppress(${scope}) edit outside the text: ${editsKey(edits.value).slice(0, 200)}`));
        continue;
      }
      if (!parsedClean) continue;
      const applied = timed('apply-suppress', lintLimit, () => engine.applyEdits(text, edits.value));
      if (applied.error) continue;
      const relinted = timed('lint-suppressed', lintLimit, () => new engine.Linter().lint(applied.value, options));
      if (relinted.error) continue;
      if (relinted.value.format !== 'cloudformation' || hasParseError(relinted.value)) {
        const pe = relinted.value.findings.find((x) => x.ruleId === engine.PARSE_ERROR);
        add(new Failure('suppress-breaks-parse', scope, f.ruleId.startsWith('aws-') ? 'rule' : f.ruleId, `suppress(${scope}) of ${f.ruleId} gives ${pe ? `a parse error: ${pe.message}` : 'a text that is no longer a template'}`, `  edits: ${editsKey(edits.value).slice(0, 400)}`));
      }
    }
  }
  if (done()) return { failures, maxMs };

  // 5. fixAll (the CLI's --fix): bounded passes, each a lint.
  if (result.findings.some((f) => f.fix?.kind === 'safe')) {
    const all = timed('fixAll', lintLimit * 5, () => engine.fixAll(text, options));
    if (!all.error && parsedClean && all.value.text !== text) {
      const relinted = timed('lint-fixed-all', lintLimit, () => new engine.Linter().lint(all.value.text, options));
      if (!relinted.error && (relinted.value.format !== 'cloudformation' || hasParseError(relinted.value))) {
        const pe = relinted.value.findings.find((x) => x.ruleId === engine.PARSE_ERROR);
        add(new Failure('fix-breaks-parse', 'fixAll', '', `fixAll gives ${pe ? `a parse error: ${pe.message}` : 'a text that is no longer a template'}`));
      }
    }
  }
  return { failures, maxMs };
}

// ---------------------------------------------------------------- shrinking

/** Removes pieces (lines, then characters) while `fails` holds, until the deadline. */
function shrink(text, fails, deadline) {
  let current = text;
  const reduce = (pieces, minChunk) => {
    let chunk = Math.max(minChunk, Math.floor(pieces.length / 2));
    while (chunk >= minChunk && performance.now() < deadline) {
      let progressed = false;
      for (let i = 0; i < pieces.length && performance.now() < deadline; ) {
        const candidate = pieces.slice(0, i).concat(pieces.slice(i + chunk));
        if (pieces.length > 1 && fails(candidate.join(''))) {
          pieces = candidate;
          progressed = true;
        } else {
          i += chunk;
        }
      }
      if (!progressed) {
        if (chunk === minChunk) break;
        chunk = Math.max(minChunk, Math.floor(chunk / 2));
      }
    }
    return pieces;
  };
  current = reduce(splitLines(current), 1).join('');
  // Characters of what is left (a long line, a deep nesting), coarse first.
  if (current.length <= 20000) current = reduce([...current], 1).join('');
  else current = reduce(current.match(/[\s\S]{1,64}/g) ?? [], 1).join('');
  return current;
}

// ---------------------------------------------------------------- files

function extOf(fileName) {
  const ext = path.extname(fileName).toLowerCase();
  return ext === '.json' || ext === '.yml' || ext === '.template' ? ext : '.yaml';
}

function preview(text) {
  return text.length <= 240 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 160))}... (${text.length} chars)`;
}

/** Writes a reproducer and its description; returns its path. */
function writeReproducer(opts, n, failure, mutant, small, before) {
  const ext = extOf(mutant.fileName);
  const base = path.join(opts.out, `${failure.kind}-${n}`);
  fs.writeFileSync(base + ext, small);
  if (before !== undefined) fs.writeFileSync(`${base}.before${ext}`, before);
  fs.writeFileSync(
    `${base}.txt`,
    [
      `${failure.kind} in ${failure.stage}: ${failure.message}`,
      failure.detail,
      `seed ${opts.seed}, mutant ${mutant.index} (node scripts/fuzz.mjs --seed ${opts.seed} --mutant ${mutant.index})`,
      `source ${mutant.source.rel}, mutations ${mutant.mutations.join(', ')}`,
      `reproducer ${base + ext} (${small.length} characters, from ${mutant.text.length})` +
        (before !== undefined ? `; lint ${base}.before${ext} first with the same Linter (incremental path)` : ''),
      '',
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n',
  );
  return base + ext;
}

// ---------------------------------------------------------------- child: runs the mutants

function childMain(opts) {
  loadEngine();
  const corpus = loadCorpus(opts.corpus, () => {});
  const known = new Set(opts.known ? JSON.parse(fs.readFileSync(opts.known, 'utf8')) : []);
  const deadline = performance.now() + Math.max(0, opts.deadline - Date.now());
  let fileNo = opts.fileNo;
  let slowest = { ms: 0 };
  for (let index = opts.start; index <= opts.end && performance.now() < deadline; index++) {
    const mutant = makeMutant(corpus, opts.seed, index);
    process.send({ type: 'begin', index });
    if (opts.mutant !== undefined) {
      const shown = mutant.text.length > 4000 ? `${mutant.text.slice(0, 4000)}\n... (${mutant.text.length} characters)` : mutant.text;
      console.log(`fuzz: mutant ${index}: ${mutant.source.rel} with ${mutant.mutations.join(', ')}\n----\n${shown}\n----`);
    }
    const { failures, maxMs } = checkText(mutant.text, mutant.fileName, mutant.source.text, opts);
    if (maxMs > slowest.ms) {
      slowest = { ms: maxMs, index, file: mutant.source.rel };
      process.send({ type: 'slowest', slowest });
    }
    for (const failure of failures) {
      if (known.has(failure.signature)) {
        process.send({ type: 'failure', signature: failure.signature });
        continue;
      }
      known.add(failure.signature);
      // Shrink: the same failure with as little text as possible (at most 15 s, within the deadline).
      const shrinkDeadline = Math.min(deadline, performance.now() + 15000);
      const stays = (before) => (candidate) =>
        checkText(candidate, mutant.fileName, before, opts, failure.signature).failures.some((f) => f.signature === failure.signature);
      const needsBefore = !stays(undefined)(mutant.text);
      let small = shrink(mutant.text, stays(needsBefore ? mutant.source.text : undefined), shrinkDeadline);
      let before;
      if (needsBefore) {
        before = shrink(mutant.source.text, (b) => stays(b)(small), shrinkDeadline);
        small = shrink(small, stays(before), shrinkDeadline);
      }
      const file = writeReproducer(opts, ++fileNo, failure, mutant, small, before);
      console.log(`fuzz: FAIL ${failure.kind} (${failure.stage}) mutant ${index} [${mutant.source.rel}: ${mutant.mutations.join(', ')}]: ${failure.message} -> ${file}`);
      process.send({
        type: 'failure',
        signature: failure.signature,
        fileNo,
        record: { kind: failure.kind, stage: failure.stage, message: failure.message, detail: failure.detail, index, source: mutant.source.rel, mutations: mutant.mutations, file, small: preview(small), before: before !== undefined },
      });
    }
  }
  process.send({ type: 'done' }, () => process.exit(0));
}

// ---------------------------------------------------------------- check: one text, for shrinking fatal failures

function checkMain(opts) {
  loadEngine();
  const text = fs.readFileSync(opts.check, 'utf8');
  const before = opts.before !== undefined ? fs.readFileSync(opts.before, 'utf8') : undefined;
  const { failures } = checkText(text, opts.fileName ?? opts.check, before, opts);
  process.exit(failures.length > 0 ? 1 : 0);
}

// ---------------------------------------------------------------- supervisor

function childArgs(opts) {
  return [
    '--seed', opts.seed, '--hang-ms', opts.hangMs, '--out', opts.out, '--corpus', opts.corpus.join(','),
    ...(opts.mutant !== undefined ? ['--mutant', opts.mutant] : []),
  ].map(String);
}

/** Runs the text in a process of its own: 'oom', 'hang' (killed after timeoutMs) or undefined. */
function fatalOutcome(opts, text, fileName, before, timeoutMs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-fuzz-'));
  try {
    const file = path.join(dir, `candidate${extOf(fileName)}`);
    fs.writeFileSync(file, text);
    const args = [`--max-old-space-size=${Math.min(opts.heapMb, 512)}`, SCRIPT, '--check', file, '--file-name', fileName, ...childArgs(opts)];
    if (before !== undefined) {
      fs.writeFileSync(path.join(dir, 'before'), before);
      args.push('--before', path.join(dir, 'before'));
    }
    const r = spawnSync(process.execPath, args, { timeout: Math.round(timeoutMs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (/heap out of memory|Allocation failed/i.test(r.stderr ?? '')) return 'oom';
    if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return 'hang';
    return r.status === 0 || r.status === 1 ? undefined : 'oom';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function supervisorMain(opts) {
  const started = performance.now();
  const deadline = Date.now() + opts.seconds * 1000;
  console.log(`fuzz: seed ${opts.seed} (reproduce with: npm run fuzz -- --seed ${opts.seed} --count ${opts.count} --seconds ${opts.seconds})`);
  const corpus = loadCorpus(opts.corpus, (m) => console.log(m));
  if (corpus.length === 0) usage('no template in the corpus');
  fs.mkdirSync(opts.out, { recursive: true });
  // Results of an earlier run are removed, except when one mutant is re-run.
  for (const name of opts.mutant === undefined ? fs.readdirSync(opts.out) : []) {
    if (/^[a-z-]+-\d+(\.before)?\.(yaml|yml|json|template|txt)$/.test(name)) fs.rmSync(path.join(opts.out, name));
  }
  const distinct = new Map();
  let total = 0;
  let slowest = { ms: 0 };
  let timeUp = false;
  const first = opts.mutant ?? 0;
  const last = opts.mutant ?? opts.count - 1;
  // --jobs: the index range is cut into that many contiguous slices, each run by a child of its own
  // (mutant I is the same text whichever job runs it, so a run is reproducible whatever --jobs is).
  const jobs = Math.max(1, Math.min(opts.jobs, last - first + 1));
  const slice = Math.ceil((last - first + 1) / jobs);

  /** Runs mutants from..to in child processes, one after the other, restarting after a fatal failure. */
  async function runJob(job, from, to) {
    const knownFile = path.join(opts.out, `.known-${process.pid}-${job}.json`);
    // Reproducer numbers of job j start at j * 100000, so that jobs never write the same file.
    let fileNo = job * 100000;
    let next = from;
    while (next <= to && !timeUp) {
      fs.writeFileSync(knownFile, JSON.stringify([...distinct.keys()]));
      const child = spawn(
        process.execPath,
        [`--max-old-space-size=${opts.heapMb}`, SCRIPT, '--child', ...childArgs(opts), '--start', String(next), '--end', String(to), '--deadline', String(deadline), '--file-no', String(fileNo), '--known', knownFile],
        { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr = (stderr + d).slice(-20000);
      });
      let current;
      let done = false;
      let killedFor;
      let lastSign = Date.now();
      child.on('message', (m) => {
        lastSign = Date.now();
        if (m.type === 'begin') {
          current = m.index;
          total++;
          if (total % 500 === 0) console.log(`fuzz: ${total} mutants, ${distinct.size} distinct failures, ${Math.round((performance.now() - started) / 1000)} s`);
        } else if (m.type === 'failure') {
          const seen = distinct.get(m.signature);
          if (seen) seen.count++;
          else distinct.set(m.signature, { ...m.record, count: 1 });
          if (m.fileNo) fileNo = Math.max(fileNo, m.fileNo);
        } else if (m.type === 'slowest') {
          if (m.slowest.ms > slowest.ms) slowest = m.slowest;
        } else if (m.type === 'done') {
          done = true;
        }
      });
      let lastTick = Date.now();
      const timer = setInterval(() => {
        // A tick long after the last one means this process was busy (shrinking another job's
        // failure, synchronously): the child had no chance to be heard, so it gets a fresh period.
        if (Date.now() - lastTick > 2000) lastSign = Date.now();
        lastTick = Date.now();
        if (Date.now() - lastSign > opts.watchdog * 1000) killedFor = 'hang';
        else if (Date.now() > deadline + 5000) killedFor = 'deadline';
        if (killedFor) child.kill('SIGKILL');
      }, 250);
      const exit = await new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      clearInterval(timer);
      if (done) {
        next = current === undefined ? next : current + 1;
        break;
      }
      if (killedFor === 'deadline' || current === undefined) {
        if (current === undefined) process.stderr.write(stderr);
        timeUp = killedFor === 'deadline';
        if (!timeUp) {
          console.error(`fuzz: the fuzzing process failed before its first mutant (${exit.signal ?? `exit ${exit.code}`})`);
          process.exit(2);
        }
        break;
      }
      // The process died on mutant `current`: out of memory, killed by the watchdog, or a fatal error.
      const kind = killedFor === 'hang' ? 'hang' : /heap out of memory|Allocation failed/i.test(stderr) ? 'oom' : 'crash';
      const message =
        kind === 'hang' ? `no progress for ${opts.watchdog} s: killed` : kind === 'oom' ? `out of memory (heap limit ${opts.heapMb} MB)` : `process died (${exit.signal ?? `exit ${exit.code}`})`;
      if (kind === 'crash') process.stderr.write(stderr);
      const signature = `${kind}|process|`;
      const mutant = makeMutant(corpus, opts.seed, current);
      const seen = distinct.get(signature);
      if (seen) {
        seen.count++;
      } else {
        console.log(`fuzz: FAIL ${kind} (process) mutant ${current} [${mutant.source.rel}: ${mutant.mutations.join(', ')}]: ${message}; shrinking in separate processes`);
        const shrinkDeadline = performance.now() + Math.max(0, Math.min(30000, deadline - Date.now()));
        const timeoutMs = kind === 'hang' ? Math.min(opts.watchdog, 10) * 1000 : 20000;
        const fails = (before) => (candidate) =>
          fatalOutcome(opts, candidate, mutant.fileName, before, Math.max(1000, Math.min(timeoutMs, shrinkDeadline - performance.now()))) === kind;
        const needsBefore = !fails(undefined)(mutant.text);
        const small = needsBefore && !fails(mutant.source.text)(mutant.text) ? mutant.text : shrink(mutant.text, fails(needsBefore ? mutant.source.text : undefined), shrinkDeadline);
        const failure = { kind, stage: 'process', message, detail: kind === 'crash' ? stderr.slice(-2000) : '' };
        const file = writeReproducer(opts, ++fileNo, failure, mutant, small, needsBefore ? mutant.source.text : undefined);
        console.log(`fuzz: ... ${kind} reproducer -> ${file}`);
        distinct.set(signature, { ...failure, index: current, source: mutant.source.rel, mutations: mutant.mutations, file, small: preview(small), before: needsBefore, count: 1 });
      }
      next = current + 1;
      if (Date.now() > deadline) timeUp = true;
    }
    fs.rmSync(knownFile, { force: true });
    return next > to; // whether the job ran its whole slice
  }

  const finished = await Promise.all(
    Array.from({ length: jobs }, (_, job) => runJob(job, first + job * slice, Math.min(last, first + (job + 1) * slice - 1))),
  );
  if (!finished.every(Boolean)) timeUp = true;
  if (timeUp) console.log(`fuzz: time is up (${opts.seconds} s)`);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (distinct.size > 0) {
    console.log(`\nfuzz: ${distinct.size} distinct failures (seed ${opts.seed}):`);
    for (const r of distinct.values()) {
      console.log(`  ${r.kind} [${r.stage}] x${r.count}: ${r.message}`);
      const detail = r.kind === 'crash' ? (r.detail ?? '').split('\n').find((l) => /^\s+at /.test(l))?.trim() : r.detail;
      if (detail) console.log(detail.split('\n').map((l) => `    ${l.trim()}`).join('\n'));
      console.log(`    first: mutant ${r.index} (${r.source}: ${r.mutations.join(', ')})`);
      console.log(`    reproducer ${r.file}${r.before ? ' (with a .before version)' : ''}: ${r.small}`);
    }
  }
  if (slowest.index !== undefined) console.log(`fuzz: slowest step: ${Math.round(slowest.ms)} ms (mutant ${slowest.index}, ${slowest.file})`);
  const failures = [...distinct.values()].reduce((s, r) => s + r.count, 0);
  console.log(`fuzz: ${total} mutants, ${failures} failures, seed ${opts.seed}, ${seconds} s`);
  if (opts.report) writeReport(opts, { total, failures, distinct, slowest, seconds: Number(seconds), corpusFiles: corpus.length, timeUp });
  process.exit(distinct.size > 0 ? 1 : 0);
}

/** The run's figures as JSON, for docs/robustness.md (see --report). */
function writeReport(opts, run) {
  const byKind = {};
  for (const r of run.distinct.values()) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.count;
  const report = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run fuzz -- --seed ${opts.seed} --count ${opts.count} --seconds ${opts.seconds} --hang-ms ${opts.hangMs} --jobs ${opts.jobs}`,
    jobs: opts.jobs,
    seed: opts.seed,
    node: process.version,
    cpus: os.cpus().length,
    corpusFiles: run.corpusFiles,
    inputs: run.total,
    stoppedByTimeLimit: run.timeUp,
    seconds: run.seconds,
    hangLimitMs: opts.hangMs,
    failures: run.failures,
    failuresByKind: byKind,
    distinctFailures: [...run.distinct.values()].map((r) => ({ kind: r.kind, stage: r.stage, count: r.count, message: r.message, source: r.source, mutations: r.mutations })),
    slowest: run.slowest.index === undefined ? null : { ms: Math.round(run.slowest.ms), mutant: run.slowest.index, file: run.slowest.file },
  };
  fs.mkdirSync(path.dirname(opts.report), { recursive: true });
  fs.writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');
  console.log(`fuzz: figures written to ${path.relative(process.cwd(), opts.report)}`);
}

const options = parseArgs(process.argv.slice(2));
if (options.check !== undefined) checkMain(options);
else if (options.child) childMain(options);
else await supervisorMain(options);
