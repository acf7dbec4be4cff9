import * as vm from 'node:vm';
import { INTERNAL_ERROR, Linter, detectSyntax, type LintOptions } from '../engine';
import type { LintResult } from '../types';

/**
 * A per-document time budget for the hosts (CLI and server; Node only, the engine itself stays
 * pure). A rule stuck in an endless loop cannot be stopped from inside the loop: Node's `vm`
 * timeout can, by terminating whatever JavaScript runs when the time is up. The script run here is
 * the fixed text `run()`, which calls our own lint; nothing from a template is ever evaluated.
 *
 * When the budget runs out inside a rule, that rule is stopped for this document and the lint is
 * done again without it (reported as an internal-error naming the rule; the other rules' findings
 * stay). When it runs out outside any rule (the parse itself), the document gets one internal-error.
 */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

const RUN = new vm.Script('run()', { filename: 'infralint-time-budget' });
const context = vm.createContext({ run: undefined as unknown });
/** At most this many rules are stopped on one document before it is given up. */
const MAX_STOPPED = 3;

export interface BudgetedLint {
  result: LintResult;
  /** The Linter to keep for the next version: a new one when a lint was interrupted (caches may be half written). */
  linter: Linter;
}

export function lintWithinBudget(linter: Linter, text: string, options: LintOptions = {}, budgetMs = DEFAULT_TIME_BUDGET_MS): BudgetedLint {
  const stopped = new Map(options.stoppedRules ?? []);
  for (;;) {
    const current = linter;
    context.run = () => current.lint(text, stopped.size > 0 ? { ...options, stoppedRules: stopped } : options);
    try {
      return { result: RUN.runInContext(context, { timeout: budgetMs }) as LintResult, linter };
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      const rule = linter.ruleInProgress;
      linter = linter.fresh();
      if (rule === undefined || stopped.has(rule) || stopped.size >= MAX_STOPPED) {
        return { result: gaveUp(text, options, budgetMs), linter };
      }
      stopped.set(rule, `it ran for more than ${budgetMs} ms`);
    } finally {
      context.run = undefined;
    }
  }
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
