import * as assert from 'assert';
import { Linter } from '../src/engine';
import type { Rule } from '../src/rules/rule';
import type { Syntax } from '../src/types';

/** An expected finding, 1-based like an editor shows it (ESLint RuleTester style). */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A part of the message that must appear, or a pattern it must match. */
  message?: string | RegExp;
  resource?: string;
}

export interface ValidCase {
  name: string;
  code: string;
  syntax?: Syntax;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/** The syntax of a snippet: JSON when it starts with `{`. */
function syntaxOf(c: ValidCase): Syntax {
  return c.syntax ?? (c.code.trimStart().startsWith('{') ? 'json' : 'yaml');
}

function lintWith(rule: Rule, c: ValidCase) {
  const result = new Linter([rule]).lint(c.code, { syntax: syntaxOf(c) });
  assert.strictEqual(result.format, 'cloudformation', `"${c.name}" is not recognised as a CloudFormation template`);
  const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error');
  assert.deepStrictEqual(parseErrors.map((f) => f.message), [], `"${c.name}" does not parse`);
  const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
  assert.deepStrictEqual(internal.map((f) => f.message), [], `"${c.name}" made the rule fail`);
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

/**
 * Table-driven rule tests: each valid case must produce no finding of the rule, each invalid
 * case exactly the listed findings, at exactly those ranges, in order of position.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      const m = rule.meta;
      assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)+$/);
      for (const text of [m.title, m.docs.description, m.docs.impact, m.docs.remediation]) assert.ok(text.length > 10);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'needs valid and invalid cases');
      const syntaxes = new Set([...cases.valid, ...cases.invalid].map(syntaxOf));
      assert.ok(syntaxes.has('yaml') && syntaxes.has('json'), 'needs cases in YAML and in JSON');
    });
    for (const c of cases.valid) {
      it(`valid (${syntaxOf(c)}): ${c.name}`, () => {
        const findings = lintWith(rule, c);
        assert.deepStrictEqual(
          findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
          [],
        );
      });
    }
    for (const c of cases.invalid) {
      it(`invalid (${syntaxOf(c)}): ${c.name}`, () => {
        const findings = lintWith(rule, c);
        const actual = findings.map((f) => ({
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        }));
        const expected = c.errors.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }));
        assert.deepStrictEqual(actual, expected, `ranges of findings in "${c.name}"`);
        c.errors.forEach((e, i) => {
          if (typeof e.message === 'string') assert.ok(findings[i].message.includes(e.message), `message "${findings[i].message}" lacks "${e.message}"`);
          else if (e.message) assert.match(findings[i].message, e.message);
          if (e.resource) assert.strictEqual(findings[i].resource, e.resource);
        });
      });
    }
  });
}
