#!/usr/bin/env node
// Infralint benchmark: editor latency, cold start, CLI time and memory, and the parse floor.
//
//   npm run bench            (builds first, then runs this file)
//   node bench/run.mjs       (uses the existing build in */out)
//
// Prints a table with the project's performance targets, writes bench/results.json (gitignored)
// and refreshes the performance table in README.md (bench/update-readme.mjs).
// Needs python3 (for ../shared/bench/gen_templates.py) and the /work/shared (or ../shared) corpus.
// Everything runs one measurement at a time; nothing else should run on the machine meanwhile.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const require = createRequire(import.meta.url);

const SHARED = [process.env.INFRALINT_SHARED, path.resolve(ROOT, '../shared'), '/work/shared'].find(
  (p) => p && fs.existsSync(path.join(p, 'bench/gen_templates.py')),
);
const GEN = SHARED && path.join(SHARED, 'bench/gen_templates.py');
const KICS = SHARED && path.join(SHARED, 'corpus/kics');
const CLI = path.join(ROOT, 'cli/bin/infralint.js');
// The bundled server: what the VSIX runs in VS Code (and what the README offers other editors).
const SERVER = path.join(ROOT, 'dist/server.js');
const RESULTS = path.join(HERE, 'results.json');

/** The targets of the project's performance issue. `max` is inclusive. */
const TARGETS = {
  editP50: { max: 10, unit: 'ms' },
  editP95: { max: 25, unit: 'ms' },
  coldStart: { max: 400, unit: 'ms' },
  cli1000: { max: 0.5, unit: 's' },
  cliKics: { max: 5, unit: 's' },
  lintParseRatio: { max: 1.5, unit: 'x' },
  serverRss100: { max: 250, unit: 'MB' },
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? x : Number(x.toFixed(digits)));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function summary(xs) {
  return {
    n: xs.length,
    p50: round(percentile(xs, 50), 2),
    p95: round(percentile(xs, 95), 2),
    max: round(Math.max(...xs), 2),
    min: round(Math.min(...xs), 2),
    mean: round(xs.reduce((a, b) => a + b, 0) / xs.length, 2),
  };
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

function generate(n, file) {
  const r = spawnSync('python3', [GEN, String(n), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen_templates.py ${n} failed: ${r.stderr || r.error}`);
  return fs.readFileSync(file, 'utf8');
}

function procStatusKb(pid, field) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function lineCount(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

function loadLspClient() {
  const file = path.join(ROOT, 'server/out/test/lsp-client.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npx tsc -b, or npm run bench)`);
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: build first (npm run build, or npm run bench)`);
  const { LspTestClient } = require(file);
  return class BundledServerClient extends LspTestClient {
    constructor(args) {
      super(args, SERVER);
    }
  };
}

/**
 * A reference for the cold targets: a fresh Node process that only reads the template and parses it
 * whole with the yaml package (no engine, no rules), spawn to exit. The engine parses the template
 * resource by resource, which is no slower, so this is about what a cold start with that parser costs.
 */
function measureColdParseFloor(file, runs) {
  const script = `const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');require(${JSON.stringify(require.resolve('yaml'))}).parseDocument(t,{uniqueKeys:true,prettyErrors:false,strict:false});`;
  spawnSync(process.execPath, ['-e', script]); // warm the file-system cache; not counted
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold parse floor failed: ${r.stderr}`);
    samples.push(now() - t);
  }
  const nodeStart = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    spawnSync(process.execPath, ['-e', '0']);
    nodeStart.push(now() - t);
  }
  return { runs, medianMs: round(median(samples)), samplesMs: samples.map((x) => round(x)), nodeStartMedianMs: round(median(nodeStart)) };
}

// ---------------------------------------------------------------------------------------------
// 5. The floor: yaml parseDocument vs. a full lint vs. an incremental re-lint (in a fresh process)

/** Runs in a child process (`--floor FILE`) so that its heap and JIT state are not the harness's. */
function floorWorker(file) {
  const { parseDocument } = require('yaml');
  const { Linter } = require(path.join(ROOT, 'shared-rules/out/src/index.js'));
  let parseYamlTemplate;
  try {
    ({ parseYamlTemplate } = require(path.join(ROOT, 'shared-rules/out/src/parse/yaml-document.js')));
  } catch {
    parseYamlTemplate = undefined; // internal module; only used for the breakdown
  }
  const text = fs.readFileSync(file, 'utf8');
  const fileName = 'bench.yaml';
  // The options the engine passes (shared-rules/src/parse/yaml-unit.ts).
  const yamlOptions = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, strict: false };
  const time = (fn) => {
    const t = now();
    fn();
    return now() - t;
  };

  const WARMUP = 3;
  const budgetMs = 25000;
  const started = now();
  const parse = [];
  const lint = [];
  const engineParse = [];
  let findings = 0;
  // Interleaved, so that drift (thermal, other load) affects both alike.
  for (let i = 0; ; i++) {
    const p = time(() => parseDocument(text, yamlOptions));
    const l = time(() => {
      findings = new Linter().lint(text, { fileName }).findings.length;
    });
    const e = parseYamlTemplate ? time(() => parseYamlTemplate(text)) : undefined;
    if (i >= WARMUP) {
      parse.push(p);
      lint.push(l);
      if (e !== undefined) engineParse.push(e);
    }
    const done = i + 1 - WARMUP;
    if (done >= 15 || (done >= 5 && now() - started > budgetMs)) break;
  }

  // Incremental: one Linter, a one-character edit in a different resource each time.
  const linter = new Linter();
  linter.lint(text, { fileName });
  const sites = [];
  const re = /^( {6}BucketName: )(\S+)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) sites.push(m.index + m[1].length + 1);
  const incremental = [];
  for (let i = 0; i < 10 + 40; i++) {
    // Insert into one bucket's name, then lint the original again: each lint differs by one character.
    const at = sites[(i * 37) % sites.length];
    const edited = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text;
    const t = time(() => linter.lint(edited, { fileName }));
    if (i >= 10) incremental.push(t);
  }
  return {
    iterations: parse.length,
    warmup: WARMUP,
    parseMs: median(parse),
    lintMs: median(lint),
    engineParseMs: engineParse.length ? median(engineParse) : undefined,
    incrementalMs: median(incremental),
    incrementalP95Ms: percentile(incremental, 95),
    findings,
    samples: { parse, lint, engineParse, incremental },
  };
}

function measureFloor(t1000) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--floor', t1000], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`floor worker failed: ${r.stderr}`);
  const f = JSON.parse(r.stdout);
  return {
    iterations: f.iterations,
    warmup: f.warmup,
    yamlParseDocumentMs: round(f.parseMs),
    fullLintMs: round(f.lintMs),
    engineParseOnlyMs: round(f.engineParseMs),
    rulesAndRestMs: f.engineParseMs !== undefined ? round(f.lintMs - f.engineParseMs) : undefined,
    incrementalRelintMs: round(f.incrementalMs, 2),
    incrementalRelintP95Ms: round(f.incrementalP95Ms, 2),
    lintToParseRatio: round(f.lintMs / f.parseMs, 2),
    incrementalToParseRatio: round(f.incrementalMs / f.parseMs, 3),
    findings: f.findings,
    samplesMs: Object.fromEntries(Object.entries(f.samples).map(([k, v]) => [k, v.map((x) => round(x, 2))])),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. CLI: wall time and peak RSS

function timeBinary() {
  const candidate = '/usr/bin/time';
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    const probe = spawnSync(candidate, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '')) return candidate;
  } catch {
    // not installed
  }
  return undefined;
}

/**
 * Runs the CLI once with stdout to a file. Peak RSS from GNU time's %M when present, else from
 * a wrapper that runs the CLI in-process and prints process.resourceUsage().maxRSS at exit.
 */
function runCliOnce(args, outFile, tmp, timeBin) {
  const out = fs.openSync(outFile, 'w');
  const rssFile = path.join(tmp, 'maxrss.txt');
  fs.rmSync(rssFile, { force: true });
  let cmd;
  let argv;
  if (timeBin) {
    cmd = timeBin;
    argv = ['-o', rssFile, '-f', '%M', process.execPath, CLI, ...args];
  } else {
    const wrapper =
      `process.on('exit',()=>require('fs').writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)));` +
      `process.argv=[process.argv[0],${JSON.stringify(CLI)},...process.argv.slice(1)];require(${JSON.stringify(CLI)});`;
    cmd = process.execPath;
    argv = ['-e', wrapper, ...args];
  }
  const t = now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', cwd: ROOT });
  const wallMs = now() - t;
  fs.closeSync(out);
  // Exit 1 means "found problems", which is the expected outcome here.
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
  const rss = Number((fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').trim());
  return { wallMs, peakRssKb: rss, exitCode: r.status };
}

function measureCli(label, args, runs, tmp, timeBin) {
  const outFile = path.join(tmp, `cli-${label}.json`);
  runCliOnce(args, outFile, tmp, timeBin); // warm the file-system cache; not counted
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(runCliOnce(args, outFile, tmp, timeBin));
  const report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  const scanned = report.files.filter((f) => f.format === 'cloudformation').length;
  return {
    runs,
    warmupRuns: 1,
    wallS: round(median(samples.map((s) => s.wallMs)) / 1000, 3),
    wallSamplesS: samples.map((s) => round(s.wallMs / 1000, 3)),
    peakRssMB: round(median(samples.map((s) => s.peakRssKb)) / 1024, 1),
    peakRssSamplesMB: samples.map((s) => round(s.peakRssKb / 1024, 1)),
    exitCode: samples[0].exitCode,
    files: report.files.length,
    cloudFormationFiles: scanned,
    findings: report.findings.length,
    rssMethod: timeBin ? `${timeBin} -f %M` : 'process.resourceUsage().maxRSS in a wrapper',
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Cold start: spawn to the first publishDiagnostics

async function measureColdStart(LspTestClient, text, uri, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    let received;
    const t0 = now();
    const client = new LspTestClient(['--stdio']);
    try {
      await client.initialize({ debounceMs: 0 });
      const tInit = now();
      const wait = client.waitForDiagnostics((p) => {
        if (p.uri !== uri) return false;
        received = now();
        return true;
      }, 60000);
      await client.open(uri, 'yaml', text, 1);
      const p = await wait;
      samples.push({ totalMs: received - t0, initializeMs: tInit - t0, openToDiagnosticsMs: received - tInit, diagnostics: p.diagnostics.length });
    } finally {
      await client.shutdown();
    }
  }
  return {
    runs,
    medianMs: round(median(samples.map((s) => s.totalMs))),
    spawnToInitializeMs: round(median(samples.map((s) => s.initializeMs))),
    openToDiagnosticsMs: round(median(samples.map((s) => s.openToDiagnosticsMs))),
    samplesMs: samples.map((s) => round(s.totalMs)),
    diagnostics: samples[0].diagnostics,
  };
}

/**
 * While the first lint of the template runs: hover requests one after the other (the next 2 ms
 * after the last reply), each timed to its reply. The longest wait is about the longest the
 * server's message loop was held (the parse is sliced; the lint that follows it is not).
 */
async function measureResponsiveness(LspTestClient, text, uri, runs) {
  const waits = [];
  const diagnosticsAt = [];
  for (let i = 0; i < runs; i++) {
    const client = new LspTestClient(['--stdio']);
    try {
      await client.initialize({ debounceMs: 0 });
      let done = false;
      const tOpen = now();
      // Settled either way: no diagnostics within the minute ends the loop too (and fails the bench below).
      const diagnostics = client.waitForDiagnostics((p) => p.uri === uri, 60000).then(
        () => diagnosticsAt.push(now() - tOpen),
        (error) => error,
      ).finally(() => (done = true));
      await client.open(uri, 'yaml', text, 1);
      while (!done) {
        const sent = now();
        await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
        waits.push(now() - sent);
        await new Promise((r) => setTimeout(r, 2));
      }
      const failed = await diagnostics;
      if (failed instanceof Error) throw failed;
    } finally {
      await client.shutdown();
    }
  }
  const sorted = [...waits].sort((a, b) => a - b);
  return {
    runs,
    requests: waits.length,
    replyP50Ms: round(percentile(sorted, 50)),
    replyMaxMs: round(sorted[sorted.length - 1]),
    openToDiagnosticsMs: round(median(diagnosticsAt)),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Editor latency: single-character incremental edits, didChange to publishDiagnostics

/** The 1,000-resource template plus small Parameters and Outputs sections to edit in. */
function editorTemplate(base) {
  const params = ['Stage', 'Team', 'CostCenter', 'Owner', 'Region'];
  const parameters =
    'Parameters:\n' +
    params.map((p, i) => `  ${p}:\n    Type: String\n    Default: value-${i}\n    Description: the ${p.toLowerCase()} parameter\n`).join('');
  const outputs =
    'Outputs:\n' +
    [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]
      .map((i) => `  Bucket${i}Name:\n    Description: name of bucket ${i}\n    Value: !Ref Bucket${i}\n`)
      .join('');
  const at = base.indexOf('\nResources:\n') + 1;
  return base.slice(0, at) + parameters + base.slice(at) + outputs;
}

/** Places to type: inside plain-scalar values, so that the template stays valid. */
function editSites(text) {
  const lines = text.split('\n');
  const section = [];
  let current = '';
  for (const line of lines) {
    if (/^\S/.test(line)) current = line.split(':')[0];
    section.push(current);
  }
  const resourceValue = /^( {6}(?:BucketName|GroupDescription|FunctionName|MasterUsername): | {10}Description: | {8}- PolicyName: )([A-Za-z0-9][\w .\/-]*)$/;
  const sectionValue = /^( {4}Description: )([A-Za-z0-9][\w .\/-]*)$/;
  const candidates = { Resources: [], Parameters: [], Outputs: [] };
  lines.forEach((line, i) => {
    const s = section[i];
    const m = (s === 'Resources' ? resourceValue : sectionValue).exec(line);
    if (m && candidates[s]) candidates[s].push({ line: i, character: m[1].length + 1, section: s, key: m[1].trim() });
  });
  const spread = (list, n) => Array.from({ length: Math.min(n, list.length) }, (_, k) => list[Math.floor(((k + 0.5) * list.length) / n)]);
  return { lines, sites: [...spread(candidates.Resources, 90), ...spread(candidates.Parameters, 5), ...spread(candidates.Outputs, 5)] };
}

async function measureEditor(LspTestClient, text, uri) {
  const { lines, sites } = editSites(text);
  if (sites.length !== 100) throw new Error(`expected 100 edit sites, found ${sites.length}`);
  // A stride coprime with 100: consecutive edits jump across the document.
  const order = Array.from({ length: 100 }, (_, k) => (k * 37) % 100);
  const plan = [];
  for (let w = 0; w < 5; w++) plan.push({ site: sites[order[w]], insert: true, warmup: true }, { site: sites[order[w]], insert: false, warmup: true });
  for (const k of order) plan.push({ site: sites[k], insert: true });
  for (const k of order) plan.push({ site: sites[k], insert: false });

  const client = new LspTestClient(['--stdio']);
  const samples = [];
  const warmupMs = [];
  const counts = new Set();
  let payloadBytes = 0;
  try {
    await client.initialize({ debounceMs: 0 });
    await client.open(uri, 'yaml', text, 1);
    const first = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1, 60000);
    const initialCount = first.diagnostics.length;
    let version = 1;
    for (const step of plan) {
      version++;
      const { line, character } = step.site;
      const change = step.insert
        ? { range: { start: { line, character }, end: { line, character } }, text: 'q' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
      // Keep a local copy to check the plan: a removal must remove the character inserted before.
      const l = lines[line];
      if (step.insert) lines[line] = l.slice(0, character) + 'q' + l.slice(character);
      else if (l[character] !== 'q') throw new Error(`edit plan out of step at line ${line}`);
      else lines[line] = l.slice(0, character) + l.slice(character + 1);

      let received = 0;
      const v = version;
      const wait = client.waitForDiagnostics((p) => {
        if (p.uri !== uri || p.version !== v) return false;
        received = now();
        return true;
      }, 30000);
      const sent = now();
      await client.change(uri, v, [change]);
      const p = await wait;
      counts.add(p.diagnostics.length);
      if (!payloadBytes) payloadBytes = Buffer.byteLength(JSON.stringify(p));
      const ms = received - sent;
      if (step.warmup) warmupMs.push(ms);
      else samples.push({ ms, section: step.site.section });
    }
    if (lines.join('\n') !== text) throw new Error('the edit plan did not restore the template');
    const bySection = {};
    for (const s of ['Resources', 'Parameters', 'Outputs']) {
      const xs = samples.filter((x) => x.section === s).map((x) => x.ms);
      if (xs.length) bySection[s] = summary(xs);
    }
    const all = samples.map((s) => s.ms);
    return {
      edits: all.length,
      warmupEdits: warmupMs.length,
      ...summary(all),
      bySection,
      warmupMs: warmupMs.map((x) => round(x, 2)),
      samplesMs: all.map((x) => round(x, 2)),
      diagnosticsOnOpen: initialCount,
      diagnosticCountsSeen: [...counts],
      publishPayloadBytes: payloadBytes,
      serverRssMB: round((procStatusKb(client.process.pid, 'VmRSS') ?? NaN) / 1024, 1),
    };
  } finally {
    await client.shutdown();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Memory: server RSS with 100 templates of about 1,000 lines open

function memoryTemplates(tmp) {
  const bySize = new Map();
  const templates = [];
  for (let k = 0; k < 100; k++) {
    const n = 55 + (k % 11); // 55..65 resources: ~950..1,130 lines
    if (!bySize.has(n)) bySize.set(n, generate(n, path.join(tmp, `mem-${n}.yaml`)));
    // Distinct logical ids, names and description per template.
    const text = bySize
      .get(n)
      .replace(/\b(Bucket|SecurityGroup|Role|Database|Function)(\d+)\b/g, `$1T${k}N$2`)
      .replace(/synthetic-/g, `tpl${k}-`)
      .replace(/^Description: .*$/m, `Description: memory template ${k} with ${n} resources`);
    templates.push({ uri: pathToFileURL(path.join(tmp, `memory/template-${k}.yaml`)).href, text });
  }
  return templates;
}

async function measureMemory(LspTestClient, templates) {
  const client = new LspTestClient(['--stdio']);
  try {
    await client.initialize({ debounceMs: 0 });
    await sleep(200);
    const pid = client.process.pid;
    const baselineKb = procStatusKb(pid, 'VmRSS');
    const t = now();
    const waits = templates.map((tpl) => client.waitForDiagnostics((p) => p.uri === tpl.uri && p.version === 1, 120000));
    for (const tpl of templates) await client.open(tpl.uri, 'yaml', tpl.text, 1);
    const published = await Promise.all(waits);
    const allMs = now() - t;
    const rssKb = procStatusKb(pid, 'VmRSS');
    const hwmKb = procStatusKb(pid, 'VmHWM');
    await sleep(2000);
    const settledKb = procStatusKb(pid, 'VmRSS');
    const lines = templates.map((tpl) => lineCount(tpl.text));
    return {
      templates: templates.length,
      linesMin: Math.min(...lines),
      linesMax: Math.max(...lines),
      linesTotal: lines.reduce((a, b) => a + b, 0),
      bytesTotal: templates.reduce((a, tpl) => a + Buffer.byteLength(tpl.text), 0),
      diagnosticsTotal: published.reduce((a, p) => a + p.diagnostics.length, 0),
      openAllToDiagnosticsMs: round(allMs),
      baselineRssMB: round(baselineKb / 1024, 1),
      rssMB: round(rssKb / 1024, 1),
      peakRssMB: round(hwmKb / 1024, 1),
      rssAfter2sMB: round(settledKb / 1024, 1),
      perTemplateMB: round((rssKb - baselineKb) / 1024 / templates.length, 2),
    };
  } finally {
    await client.shutdown();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function targetRows(r) {
  const rows = [
    ['editP50', 'Edit → diagnostics p50 (1,000 resources)', r.editor.p50, 'ms'],
    ['editP95', 'Edit → diagnostics p95', r.editor.p95, 'ms'],
    [null, 'Edit → diagnostics max', r.editor.max, 'ms'],
    ['coldStart', 'Cold start: spawn → first diagnostics (median of 5)', r.coldStart.medianMs, 'ms'],
    [null, '  reference: fresh Node, yaml parseDocument of the whole template only', r.floor.coldParse.medianMs, 'ms'],
    [null, 'Reply to a request during the first lint, longest wait', r.responsiveness.replyMaxMs, 'ms'],
    ['cli1000', 'CLI scan, 1,000-resource template (median of 5)', r.cli.template1000.wallS, 's'],
    [null, '  peak RSS', r.cli.template1000.peakRssMB, 'MB'],
    ['cliKics', `CLI scan, whole KICS corpus, ${r.cli.kics.files} files (median of 3)`, r.cli.kics.wallS, 's'],
    [null, '  peak RSS', r.cli.kics.peakRssMB, 'MB'],
    [null, 'CLI scan, 1-resource template (start-up)', r.cli.template1.wallS, 's'],
    ['serverRss100', 'Server RSS, 100 templates of ~1,000 lines open', r.memory.rssMB, 'MB'],
    [null, 'yaml parseDocument, 1,000 resources', r.floor.yamlParseDocumentMs, 'ms'],
    [null, 'Full lint, fresh Linter', r.floor.fullLintMs, 'ms'],
    [null, 'Re-lint after one-character edit', r.floor.incrementalRelintMs, 'ms'],
    ['lintParseRatio', 'Full lint / parse', r.floor.lintToParseRatio, 'x'],
  ];
  return rows.map(([id, label, value, unit]) => {
    const target = id ? TARGETS[id] : undefined;
    return {
      id,
      label,
      value,
      unit,
      target: target ? target.max : undefined,
      pass: target ? value <= target.max : undefined,
    };
  });
}

function printTable(rows) {
  const fmt = (v, unit) => (v === undefined ? '' : `${v} ${unit}`);
  const w0 = Math.max(...rows.map((r) => r.label.length));
  const w1 = Math.max(...rows.map((r) => fmt(r.value, r.unit).length), 'Result'.length);
  const w2 = Math.max(...rows.map((r) => (r.target !== undefined ? `<= ${r.target} ${r.unit}` : '').length), 'Target'.length);
  const line = (a, b, c, d) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padStart(w2)}  ${d}`;
  const out = [line('Measurement', 'Result', 'Target', ''), '-'.repeat(w0 + w1 + w2 + 10)];
  for (const r of rows) {
    out.push(line(r.label, fmt(r.value, r.unit), r.target !== undefined ? `<= ${r.target} ${r.unit}` : '', r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL'));
  }
  process.stdout.write(`\n${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!GEN) throw new Error('gen_templates.py not found: set INFRALINT_SHARED to the shared folder (with bench/ and corpus/)');
  const started = now();
  const loadBefore = os.loadavg().map((x) => round(x, 2));
  if (loadBefore[0] > 0.5 * os.cpus().length) log(`the machine is busy (load average ${loadBefore.join(', ')}): numbers will be noisy`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-bench-'));
  const phases = {};
  const phase = async (name, fn) => {
    log(`${name}...`);
    const t = now();
    const result = await fn();
    phases[name] = round((now() - t) / 1000, 1);
    return result;
  };
  try {
    const LspTestClient = loadLspClient();
    const t1000 = path.join(tmp, 't1000.yaml');
    const text1000 = generate(1000, t1000);
    const t1 = path.join(tmp, 't1.yaml');
    generate(1, t1);
    const timeBin = timeBinary();

    const floor = await phase('floor', () => measureFloor(t1000));
    floor.coldParse = measureColdParseFloor(t1000, 5);
    const cli = await phase('cli', () => ({
      template1000: measureCli('t1000', ['scan', t1000, '--format', 'json'], 5, tmp, timeBin),
      template1: measureCli('t1', ['scan', t1, '--format', 'json'], 5, tmp, timeBin),
      kics: measureCli('kics', ['scan', KICS, '--format', 'json'], 3, tmp, timeBin),
    }));
    const coldStart = await phase('coldStart', () => measureColdStart(LspTestClient, text1000, pathToFileURL(t1000).href, 5));
    const responsiveness = await phase('responsiveness', () => measureResponsiveness(LspTestClient, text1000, pathToFileURL(t1000).href, 3));
    const editText = editorTemplate(text1000);
    const editor = await phase('editor', () => measureEditor(LspTestClient, editText, pathToFileURL(path.join(tmp, 'edit1000.yaml')).href));
    const memory = await phase('memory', async () => measureMemory(LspTestClient, memoryTemplates(tmp)));

    const cpus = os.cpus();
    const results = {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        v8: process.versions.v8,
        cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
        cores: cpus.length,
        availableParallelism: os.availableParallelism?.(),
        totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        loadAverageBefore: loadBefore,
        loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
      },
      inputs: {
        template1000: { resources: 1000, lines: lineCount(text1000), bytes: Buffer.byteLength(text1000) },
        editorTemplate: {
          lines: lineCount(editText),
          note: 'the 1,000-resource template plus a 5-parameter Parameters section and a 10-output Outputs section to edit in',
        },
        kics: KICS,
      },
      server: path.relative(ROOT, SERVER),
      editor,
      coldStart,
      responsiveness,
      cli,
      memory,
      floor,
      targets: {},
      phasesS: phases,
      totalS: 0,
    };
    const rows = targetRows(results);
    for (const row of rows) if (row.id) results.targets[row.id] = { value: row.value, unit: row.unit, max: row.target, pass: row.pass };
    results.table = rows;
    results.totalS = round((now() - started) / 1000, 1);
    fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

    printTable(rows);
    const passed = rows.filter((r) => r.pass === true).length;
    const failed = rows.filter((r) => r.pass === false).map((r) => r.id);
    process.stdout.write(
      `\n${passed} of ${passed + failed.length} targets met${failed.length ? `; failing: ${failed.join(', ')}` : ''}.\n` +
        `Edit latency by section (p50/p95 ms): ${Object.entries(editor.bySection).map(([s, x]) => `${s} ${x.p50}/${x.p95} (n=${x.n})`).join(', ')}.\n` +
        `Cold start: spawn → initialize ${coldStart.spawnToInitializeMs} ms, open → diagnostics ${coldStart.openToDiagnosticsMs} ms.\n` +
        `Machine: ${results.machine.cpuModel}, ${results.machine.cores} cores, Node ${process.version}, load average ${loadBefore[0]} before / ${results.machine.loadAverageAfter[0]} after. Took ${results.totalS} s. Results: ${path.relative(ROOT, RESULTS)}\n`,
    );

    const { updateReadme } = await import('./update-readme.mjs');
    updateReadme(RESULTS, path.join(ROOT, 'README.md'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--floor') {
  process.stdout.write(JSON.stringify(floorWorker(process.argv[3])));
} else {
  main().catch((error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
