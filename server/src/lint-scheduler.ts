import { performance } from 'node:perf_hooks';
import { Linter, lintStepWithinBudget, type LintConfig, type LintResult } from '@infralint/shared-rules';

export interface LintTarget {
  uri: string;
  version: number;
  text: string;
  /** Settings and .infralint.yaml combined (see settings.ts); applied after the rules, so a change needs no re-parse. */
  config?: LintConfig;
}

export interface SchedulerOptions {
  /** Wait this long after the last change before linting, so a burst of keystrokes lints once. */
  debounceMs: number;
  /** Is this the current version of the document? Work for older versions is dropped. */
  isCurrent(uri: string, version: number): boolean;
  publish(uri: string, version: number, result: LintResult): void;
  onError(uri: string, error: unknown): void;
  /** Work on a document for at most this long before letting other messages through (default DEFAULT_SLICE_MS). */
  sliceMs?: number;
  /** The time budget of one version, over all its slices (default DEFAULT_TIME_BUDGET_MS). */
  budgetMs?: number;
  /** A new document's Linter (tests give one with their own rules). */
  newLinter?(): Linter;
}

/**
 * About the longest stretch the work on a changed document holds the message loop. The first lint
 * of a 1,000-resource template takes a few hundred ms: in slices, a hover or a newer version sent
 * meanwhile is handled soon, and a newer version drops the rest of the old one's work. (A reply
 * takes a few slices: reading, handling and writing a message are each queued behind one.)
 */
export const DEFAULT_SLICE_MS = 4;

/**
 * Per-document lint scheduling: one Linter per open document (it re-uses the parse of
 * unchanged sections between versions), debounced, parsed in slices, stale versions never
 * published.
 */
export class LintScheduler {
  private readonly linters = new Map<string, Linter>();
  private readonly timers = new Map<string, { cancel(): void }>();

  constructor(private readonly options: SchedulerOptions) {}

  /** Lints a newly opened document at once, a changed one after the debounce. */
  schedule(target: LintTarget): void {
    const isNew = !this.linters.has(target.uri) && !this.timers.has(target.uri);
    this.cancel(target.uri);
    if (isNew) this.linters.set(target.uri, this.options.newLinter?.() ?? new Linter());
    const delay = isNew ? 0 : this.options.debounceMs;
    const run = () => {
      this.timers.delete(target.uri);
      this.run(target);
    };
    // Even with no delay the lint is not run inside the change's handler: a change handled before it
    // runs cancels it, and run() skips a version that is no longer current. setImmediate, unlike
    // setTimeout(0), does not wait the millisecond Node rounds a zero timeout up to.
    if (delay === 0) {
      const immediate = setImmediate(run);
      this.timers.set(target.uri, { cancel: () => clearImmediate(immediate) });
    } else {
      const timeout = setTimeout(run, delay);
      this.timers.set(target.uri, { cancel: () => clearTimeout(timeout) });
    }
  }

  /** Publishes no findings for this version (linting is off or the file excluded) and drops the document's state. */
  clear(uri: string, version: number, reason: string): void {
    this.close(uri);
    this.options.publish(uri, version, { syntax: 'yaml', findings: [], skippedReason: reason });
  }

  close(uri: string): void {
    this.cancel(uri);
    this.linters.delete(uri);
  }

  /** Rules the time budget stopped on this document. */
  stoppedRules(uri: string): ReadonlyMap<string, string> | undefined {
    return this.linters.get(uri)?.stoppedRules;
  }

  setDebounce(ms: number): void {
    this.options.debounceMs = ms;
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
  }

  /**
   * One step of linting a version: a slice of the work ahead (Linter.prepare), then, when that is
   * done, the lint. `spentMs`: what the version's earlier steps took of its time budget.
   */
  private run(target: LintTarget, spentMs = 0): void {
    if (!this.options.isCurrent(target.uri, target.version)) return;
    const linter = this.linters.get(target.uri);
    if (!linter) return;
    const options = { fileName: fileNameOf(target.uri), config: target.config };
    try {
      const started = performance.now();
      const sliceEnd = started + (this.options.sliceMs ?? DEFAULT_SLICE_MS);
      // Within the time budget: a rule stuck in a loop is stopped and named, the others still report.
      const step = lintStepWithinBudget(linter, target.text, options, () => performance.now() >= sliceEnd, { budgetMs: this.options.budgetMs, spentMs });
      if (step.linter !== linter) this.linters.set(target.uri, step.linter);
      if (step.result === undefined) {
        // A rule was stopped: the steps without it get a whole budget again.
        const spent = step.linter !== linter ? 0 : spentMs + (performance.now() - started);
        // More to do: go on after the messages that came meanwhile (a newer version cancels this).
        const immediate = setImmediate(() => {
          this.timers.delete(target.uri);
          this.run(target, spent);
        });
        this.timers.set(target.uri, { cancel: () => clearImmediate(immediate) });
        return;
      }
      if (this.options.isCurrent(target.uri, target.version)) this.options.publish(target.uri, target.version, step.result);
    } catch (error) {
      this.options.onError(target.uri, error);
    }
  }
}

function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
