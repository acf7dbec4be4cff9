// Shared helpers of the e2e stages: paths, a bounded child-process runner, and result reporting
// ("✓ name" / "✗ name" lines, a JSON results file, and a closing "N passed, N failed" line).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E = path.join(ROOT, 'e2e');
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.join(E2E, 'artifacts');

/**
 * Runs a command with a time bound, in its own process group (killed whole on timeout).
 * `stdoutFile`: stdout goes to that file (read back at the end) instead of a pipe; Node's pipes
 * are sockets, which a program opening /dev/stdout (Vim's writefile) cannot open.
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, timeoutMs = 60_000, input, stdoutFile } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const outFd = stdoutFile ? fs.openSync(stdoutFile, 'w') : undefined;
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['pipe', outFd ?? 'pipe', 'pipe'] });
    const untrack = trackGroup(child.pid);
    if (outFd !== undefined) fs.closeSync(outFd);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const readBack = () => {
      if (stdoutFile) stdout = fs.readFileSync(stdoutFile, 'utf8');
    };
    child.stdout?.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      untrack();
      readBack();
      resolve({ code: null, signal: null, stdout, stderr: stderr + String(error), timedOut, error, ms: Date.now() - t0 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid); // anything the command left behind in its group
      untrack();
      readBack();
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/**
 * Process groups this stage started and has not ended yet. Children run detached (each in its own
 * group, so a timeout kills their whole tree), which also puts them out of reach of the signal
 * e2e/run.mjs sends to the stage's group: on SIGTERM/SIGINT/SIGHUP the stage kills them itself,
 * so no editor, VS Code server or browser outlives it. Returns the function that forgets the group.
 */
const liveGroups = new Set();
let signalsHandled = false;
export function trackGroup(pid) {
  if (!pid) return () => {};
  if (!signalsHandled) {
    signalsHandled = true;
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
      process.once(signal, () => {
        for (const group of liveGroups) killGroup(group);
        process.exit(128 + os.constants.signals[signal]);
      });
    }
  }
  liveGroups.add(pid);
  return () => liveGroups.delete(pid);
}

/** SIGKILLs a whole process group (the child was started with detached: true, so pgid = pid). */
export function killGroup(pid, signal = 'SIGKILL') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Parses JSON lines, ignoring anything that is not a JSON object. */
export function jsonLines(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const s = line.trim();
    if (!s.startsWith('{')) continue;
    try {
      out.push(JSON.parse(s));
    } catch {
      /* not JSON */
    }
  }
  return out;
}

export class Results {
  constructor(stage) {
    this.stage = stage;
    this.tests = [];
  }

  pass(name, ms = 0, note = '') {
    this.tests.push({ name, ok: true, ms });
    console.log(`  \u2713 ${name}${note ? ` (${note})` : ''}${ms ? ` [${Math.round(ms)} ms]` : ''}`);
  }

  fail(name, error, ms = 0) {
    const message = error instanceof Error ? error.message : String(error);
    this.tests.push({ name, ok: false, ms, error: message });
    console.log(`  \u2717 ${name}${ms ? ` [${Math.round(ms)} ms]` : ''}\n${indent(message, '      ')}`);
  }

  /** Runs `fn`; a throw is a failure with its message. */
  async test(name, fn) {
    const t0 = Date.now();
    try {
      const note = await fn();
      this.pass(name, Date.now() - t0, typeof note === 'string' ? note : '');
      return true;
    } catch (e) {
      this.fail(name, e, Date.now() - t0);
      return false;
    }
  }

  get passed() {
    return this.tests.filter((t) => t.ok).length;
  }

  get failed() {
    return this.tests.filter((t) => !t.ok).length;
  }

  /** Writes artifacts/results-<stage>.json and prints the stage's closing line; returns the exit code. */
  finish() {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, `results-${this.stage}.json`), JSON.stringify({ stage: this.stage, tests: this.tests }, null, 2));
    console.log(`${this.stage}: ${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 && this.passed > 0 ? 0 : 1;
  }
}

export function indent(text, prefix) {
  return String(text)
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/** Throws with a readable message unless `cond`. */
export function check(cond, message) {
  if (!cond) throw new Error(typeof message === 'function' ? message() : message);
}

/** Lines of a text, without the empty string a final newline leaves. */
export function linesOf(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * What changed from `before` to `after` (arrays of lines): the common prefix and suffix removed.
 * Returns { at (0-based index of the first changed line), removed: [...], inserted: [...] }.
 */
export function lineDiff(before, after) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let eb = before.length;
  let ea = after.length;
  while (eb > start && ea > start && before[eb - 1] === after[ea - 1]) {
    eb--;
    ea--;
  }
  return { at: start, removed: before.slice(start, eb), inserted: after.slice(start, ea) };
}
