import * as vm from 'node:vm';
import { INTERNAL_ERROR, Linter, detectSyntax, type LintOptions } from '../engine';
import { fixAll, type FixAllOptions, type FixAllResult } from '../fix/apply';
import type { LintResult } from '../types';

/**
 * A per-document time budget for the hosts (CLI and server; Node only, the engine itself stays
 * pure). A rule stuck in an endless loop cannot be stopped from inside the loop: Node's `vm`
 * timeout can, by terminating whatever JavaScript runs when the time is up. The script run here is
 * the fixed text `run()`, which calls our own code; nothing from a template is ever evaluated.
 *
 * When the budget runs out inside a rule, that rule is stopped for the document (the Linter handed
 * back remembers it, so later versions do not wait for it again) and the lint is done again
 * without it: reported as an internal-error naming the rule, the other rules' findings stay. When
 * it runs out outside any rule (the parse itself), the document gets one internal-error.
 */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

const RUN = new vm.Script('run()', { filename: 'infralint-time-budget' });
const context = vm.createContext({ run: undefined as unknown });
/** At most this many rules are stopped on one document before it is given up. */
const MAX_STOPPED = 3;

/** Runs `fn` for at most `budgetMs`: its value, or undefined when the time ran out. */
export function withinTimeBudget<T>(fn: () => T, budgetMs: number): { value: T } | undefined {
  context.run = fn;
  // Code stopped by the timeout runs none of its finally blocks: what they restore is restored here.
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    return { value: RUN.runInContext(context, { timeout: budgetMs }) as T };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
    return undefined;
  } finally {
    context.run = undefined;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

export interface BudgetedLint {
  result: LintResult;
  /**
   * The Linter to keep for the next version: the same one, or after an interruption a new one
   * (caches may be half written) that keeps the rules stopped so far.
   */
  linter: Linter;
}

export function lintWithinBudget(linter: Linter, text: string, options: LintOptions = {}, budgetMs = DEFAULT_TIME_BUDGET_MS): BudgetedLint {
  for (;;) {
    const current = linter;
    const done = withinTimeBudget(() => current.lint(text, options), budgetMs);
    if (done) return { result: done.value, linter };
    const rule = linter.ruleInProgress;
    linter = linter.fresh();
    if (rule === undefined || linter.stoppedRules.has(rule) || linter.stoppedRules.size >= MAX_STOPPED) {
      return { result: gaveUp(text, options, budgetMs), linter };
    }
    linter.stop(rule, `it ran for more than ${budgetMs} ms`);
  }
}

/**
 * One step of linting in slices (the server): the work ahead of the lint (Linter.prepare) until
 * `stop()` says so, then, when none is left, the lint itself, in one budgeted call (starting a
 * budget costs a watchdog thread: once per keystroke, not twice). The budget is the version's,
 * not the step's: `spentMs` is what its earlier steps took, and this step gets what is left of
 * `budgetMs`. `result` is undefined while more steps are needed. When the budget runs out inside
 * a rule, that rule is stopped (a new Linter keeps it) and the next steps go on without it, with a
 * whole budget again (as lintWithinBudget does); anywhere else, the given-up result comes instead.
 */
export function lintStepWithinBudget(
  linter: Linter,
  text: string,
  options: LintOptions,
  stop: () => boolean,
  budget: { budgetMs?: number; spentMs?: number } = {},
): { result?: LintResult; linter: Linter } {
  const budgetMs = budget.budgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const left = Math.max(1, Math.ceil(budgetMs - (budget.spentMs ?? 0)));
  const step = withinTimeBudget(() => (linter.prepare(text, options, stop) ? linter.lint(text, options) : undefined), left);
  if (step) return { result: step.value, linter };
  // Out of time between two rules: the budget went on the steps before, and a rule that took half
  // of it over them is the one to stop (not the work that happened to run when it ran out).
  const slowest = linter.slowestRule;
  const rule = linter.ruleInProgress ?? (slowest && slowest.ms >= budgetMs / 2 ? slowest.id : undefined);
  const fresh = linter.fresh();
  if (rule === undefined || fresh.stoppedRules.has(rule) || fresh.stoppedRules.size >= MAX_STOPPED) {
    return { result: gaveUp(text, options, budgetMs), linter: fresh };
  }
  fresh.stop(rule, `it ran for more than ${budgetMs} ms`);
  return { linter: fresh };
}

/**
 * fixAll within the budget (pass the document's stopped rules in `options.stoppedRules`): when
 * the time runs out, nothing is applied, and the result says why.
 */
export function fixAllWithinBudget(text: string, options: FixAllOptions = {}, budgetMs = DEFAULT_TIME_BUDGET_MS): FixAllResult {
  const done = withinTimeBudget(() => fixAll(text, options), budgetMs);
  return done ? done.value : { text, fixed: [], notApplied: `fixing took more than ${budgetMs} ms and was stopped (a bug in Infralint): nothing was applied` };
}

function gaveUp(text: string, options: LintOptions, budgetMs: number): LintResult {
  const position = { line: 0, character: 0 };
  return {
    format: 'cloudformation',
    syntax: options.syntax ?? detectSyntax(text, options.fileName),
    findings: [
      {
        ruleId: INTERNAL_ERROR,
        severity: 'error',
        message: `Infralint stopped checking this file after ${budgetMs} ms without a result; its findings are missing. This is a bug in Infralint: please report it.`,
        span: { start: 0, end: 0 },
        range: { start: position, end: position },
      },
    ],
  };
}
