#!/usr/bin/env node
// Rewrites the performance table in README.md (between <!-- bench:start --> and <!-- bench:end -->)
// from bench/results.json. Run by bench/run.mjs at its end; can be run on its own:
//
//   node bench/update-readme.mjs [results.json] [README.md]
//
// Only the text between the two markers is replaced; the rest of the README is left as it is.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Peer tools, measured on the same machine kind (per run; from the project's performance issue). */
const PEERS = [
  { tool: 'cfn_nag', t1000: 2.7, t1: 1.1 },
  { tool: 'cfn-lint', t1000: 26, t1: 2.3 },
  { tool: 'checkov', t1000: 55, t1: 5.9 },
];

const seconds = (s) => (s < 10 ? `${Number(s.toFixed(2))} s` : `${Number(s.toFixed(1))} s`);
const mark = (pass) => (pass === undefined ? '' : pass ? 'pass' : '**FAIL**');

export function renderBlock(r) {
  const t = r.targets;
  const unit = (u) => (u === 'x' ? '×' : ` ${u}`);
  const row = (label, value, target) => `| ${label} | ${value} | ${target ? `≤ ${target.max}${unit(target.unit)}` : ''} | ${target ? mark(target.pass) : ''} |`;
  const date = r.date.slice(0, 10);
  const m = r.machine;
  const lines = [
    `Measured ${date} on ${m.cpuModel} (${m.cores} cores, ${Math.round(m.totalMemoryMB / 1024)} GB), Node ${m.node}, ${m.platform}` +
      `${m.loadAverageBefore ? `, load average ${m.loadAverageBefore[0]} at the start` : ''}. Edits: ${r.editor.edits} one-character changes spread over the template ` +
      `(${Object.entries(r.editor.bySection).map(([s, x]) => `${x.n} in ${s}`).join(', ')}), each timed from didChange to its publishDiagnostics, debounce 0${r.server ? `, server \`${r.server}\`` : ''}.`,
    '',
    '| Measurement | Infralint | Target | |',
    '|---|--:|--:|:-:|',
    row(`Edit → diagnostics, p50 (1,000 resources, ${r.editor.edits} one-character edits)`, `${r.editor.p50} ms`, t.editP50),
    row('Edit → diagnostics, p95', `${r.editor.p95} ms`, t.editP95),
    row('Edit → diagnostics, max', `${r.editor.max} ms`),
    row('Cold start: spawn → first diagnostics, 1,000 resources', `${r.coldStart.medianMs} ms`, t.coldStart),
    ...(r.floor.coldParse
      ? [row('Reference: a fresh Node that only parses the whole template with `yaml` (spawn → exit)', `${r.floor.coldParse.medianMs} ms`)]
      : []),
    ...(r.responsiveness
      ? [row('Reply to a request sent during that first lint, longest wait (the lint is done in slices)', `${r.responsiveness.replyMaxMs} ms`)]
      : []),
    row('CLI scan, 1,000-resource template (wall)', seconds(r.cli.template1000.wallS), t.cli1000),
    row('CLI scan, 1,000-resource template (peak RSS)', `${r.cli.template1000.peakRssMB} MB`),
    row(`CLI scan, KICS corpus, ${r.cli.kics.files.toLocaleString('en-US')} files (wall)`, seconds(r.cli.kics.wallS), t.cliKics),
    row('CLI scan, KICS corpus (peak RSS)', `${r.cli.kics.peakRssMB} MB`),
    row('Server RSS, 100 templates of ~1,000 lines open', `${r.memory.rssMB} MB`, t.serverRss100),
    row('`yaml` parseDocument only, 1,000 resources', `${r.floor.yamlParseDocumentMs} ms`),
    row('Full lint, 1,000 resources (no caches)', `${r.floor.fullLintMs} ms`),
    row('Re-lint after a one-character edit (in process)', `${r.floor.incrementalRelintMs} ms`),
    row('Full lint / parse', `${r.floor.lintToParseRatio}×`, t.lintParseRatio),
    '',
    'Per run, on the same machine kind (peers measured once, Infralint by the run above):',
    '',
    '| Tool | 1,000-resource template | 1-resource template (start-up) |',
    '|---|--:|--:|',
    `| Infralint CLI | ${seconds(r.cli.template1000.wallS)} | ${seconds(r.cli.template1.wallS)} |`,
    ...PEERS.map((p) => `| ${p.tool} | ${seconds(p.t1000)} | ${seconds(p.t1)} |`),
  ];
  return lines.join('\n');
}

export function updateReadme(resultsPath = path.join(HERE, 'results.json'), readmePath = path.join(HERE, '..', 'README.md')) {
  const results = JSON.parse(fs.readFileSync(resultsPath, 'utf8'));
  const readme = fs.readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start + START.length);
  if (start < 0 || end < 0) {
    throw new Error(`${readmePath} has no ${START} ... ${END} block; add them under "## Performance" first`);
  }
  const next = `${readme.slice(0, start + START.length)}\n${renderBlock(results)}\n${readme.slice(end)}`;
  if (next !== readme) fs.writeFileSync(readmePath, next);
  return next !== readme;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const changed = updateReadme(process.argv[2] && path.resolve(process.argv[2]), process.argv[3] && path.resolve(process.argv[3]));
    process.stdout.write(changed ? 'README.md performance table updated.\n' : 'README.md performance table already up to date.\n');
  } catch (error) {
    process.stderr.write(`update-readme: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
