export * from './types';
export { Linter, lintText, detectSyntax, PARSE_ERROR, INTERNAL_ERROR, MAX_TEMPLATE_LENGTH, TOO_LARGE_REASON, type LintOptions } from './engine';
export { allRules, ruleById } from './rules/index';
export type { Rule } from './rules/rule';
export { LineIndex } from './model/line-index';
export * from './config/index';
export * from './suppress/index';
export { applyEdits, fixAll, NOT_FIXED_PARSE_ERROR, type FixAllOptions, type FixAllResult } from './fix/apply';

/** Where each rule's documentation page lives (generated from rule metadata into docs/rules). */
export const DOCS_BASE_URL = 'https://github.com/infralint/infralint/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
export { nodeConfigHost } from './config/node-host';
export { lintWithinBudget, fixAllWithinBudget, lintStepWithinBudget, withinTimeBudget, DEFAULT_TIME_BUDGET_MS, type BudgetedLint } from './host/time-budget';
