#!/usr/bin/env node
// Writes the fuzz figures of docs/robustness.json (written by `npm run fuzz -- --report docs/robustness.json`)
// into docs/robustness.md, between its `<!-- fuzz:start -->` and `<!-- fuzz:end -->` markers; the rest
// of the page is written by hand. `--check` exits 1 when the page does not show the JSON's figures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JSON_FILE = path.join(ROOT, 'docs/robustness.json');
const PAGE = path.join(ROOT, 'docs/robustness.md');
const START = '<!-- fuzz:start -->';
const END = '<!-- fuzz:end -->';

const n = (x) => x.toLocaleString('en-US');

function render(run) {
  const kinds = Object.entries(run.failuresByKind);
  const lines = [
    START,
    `Last run: ${run.date}, Node ${run.node}, ${run.cpus} cores, ${run.jobs ?? 1} fuzzing process${(run.jobs ?? 1) === 1 ? '' : 'es'}:`,
    '',
    `    ${run.command}`,
    '',
    '| Figure | Value |',
    '|---|--:|',
    `| Corpus files mutated | ${n(run.corpusFiles)} |`,
    `| Inputs tried (mutants) | ${n(run.inputs)}${run.stoppedByTimeLimit ? ' (stopped by the time limit)' : ''} |`,
    `| Wall time | ${run.seconds} s |`,
    `| Crashes (exception, process death) | ${n((run.failuresByKind.crash ?? 0))} |`,
    `| Hangs (a step over ${n(run.hangLimitMs)} ms, or no progress) | ${n(run.failuresByKind.hang ?? 0)} |`,
    `| Out of memory | ${n(run.failuresByKind.oom ?? 0)} |`,
    `| Other failures (bad ranges, fixes that break parsing, incremental or cut mismatches, unclear results) | ${n(kinds.filter(([k]) => !['crash', 'hang', 'oom'].includes(k)).reduce((s, [, c]) => s + c, 0))} |`,
    `| Slowest single step | ${run.slowest ? `${n(run.slowest.ms)} ms (mutant ${n(run.slowest.mutant)}, of \`${run.slowest.file.replace(/^(\.\.\/)+/, '')}\`)` : 'none'} |`,
  ];
  if (run.distinctFailures.length > 0) {
    lines.push('', 'Distinct failures of that run (each must become a regression test in `shared-rules/test/robustness/`):', '');
    for (const f of run.distinctFailures) lines.push(`- ${f.kind} in ${f.stage} (x${f.count}): ${f.message} (first from \`${f.source}\`, ${f.mutations.join(', ')})`);
  }
  lines.push(END);
  return lines.join('\n');
}

const run = JSON.parse(fs.readFileSync(JSON_FILE, 'utf8'));
const page = fs.readFileSync(PAGE, 'utf8');
const from = page.indexOf(START);
const to = page.indexOf(END);
if (from < 0 || to < from) {
  console.error(`${path.relative(ROOT, PAGE)} has no ${START} ... ${END} markers`);
  process.exit(2);
}
const updated = page.slice(0, from) + render(run) + page.slice(to + END.length);
if (process.argv.includes('--check')) {
  if (updated !== page) {
    console.error('docs/robustness.md does not show the figures of docs/robustness.json: run node scripts/gen-robustness-doc.mjs');
    process.exit(1);
  }
  console.log('docs/robustness.md is up to date');
} else {
  fs.writeFileSync(PAGE, updated);
  console.log(`docs/robustness.md: figures of ${run.date} (${n(run.inputs)} inputs)`);
}
