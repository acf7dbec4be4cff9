import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Linter, PARSE_ERROR, INTERNAL_ERROR } from '../../src/engine';
import { applyEdits, fixAll } from '../../src/fix/apply';
import type { LintResult } from '../../src/types';

/**
 * Regression tests for the failures `npm run fuzz` (scripts/fuzz.mjs) found, one small input each
 * in cases/. Each case goes through what the fuzzer does: lint, every fix applied and linted again,
 * every suppression quick fix, fixAll. The comment above each says what used to go wrong.
 */

const CASES = path.resolve(__dirname, '../../../test/robustness/cases');
const covered = new Set<string>();

function readCase(name: string): string {
  covered.add(name);
  return fs.readFileSync(path.join(CASES, name), 'utf8');
}

/** Runs one step; a throw fails the test with the step's name. A hang is caught by mocha's timeout. */
function step<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    assert.fail(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const parseErrors = (r: LintResult) => r.findings.filter((f) => f.ruleId === PARSE_ERROR);

/** What the fuzzer checks, on one text; returns the fresh lint's result. */
function checkLikeTheFuzzer(text: string, fileName: string): LintResult {
  const result = step('lint', () => new Linter().lint(text, { fileName }));
  if (result.format !== 'cloudformation') {
    assert.match(result.skippedReason ?? '', /\S/, 'neither a template nor skipped with a reason');
    return result;
  }
  const inside = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const f of result.findings) {
    assert.ok(inside(f.span), `${f.ruleId} at ${f.span.start}-${f.span.end} is outside the text (length ${text.length})`);
    assert.notStrictEqual(f.ruleId, INTERNAL_ERROR, f.message);
  }
  const clean = parseErrors(result).length === 0;
  for (const f of result.findings) {
    const variants: [string, () => { span: { start: number; end: number }; newText: string }[]][] = [];
    if (f.fix) variants.push([`fix of ${f.ruleId}`, () => f.fix!.edits()]);
    if (f.suppress) for (const scope of ['line', 'resource'] as const) variants.push([`suppress(${scope}) of ${f.ruleId}`, () => f.suppress!(scope)]);
    for (const [what, edits] of variants) {
      const changes = step(what, edits);
      for (const c of changes) assert.ok(inside(c.span), `${what}: edit at ${c.span.start}-${c.span.end} is outside the text`);
      if (changes.length === 0) continue;
      const after = step(`lint after the ${what}`, () => new Linter().lint(applyEdits(text, changes), { fileName }));
      if (clean) assert.deepStrictEqual(parseErrors(after).map((e) => e.message), [], `the ${what} breaks the template`);
    }
  }
  if (result.findings.some((f) => f.fix?.kind === 'safe')) {
    const all = step('fixAll', () => fixAll(text, { fileName }));
    const after = step('lint after fixAll', () => new Linter().lint(all.text, { fileName }));
    if (clean) assert.deepStrictEqual(parseErrors(after).map((e) => e.message), [], 'fixAll breaks the template');
  }
  return result;
}

describe('robustness: inputs the fuzzer found', () => {
  // Was failing: the parse-error's span is 26-27 in a text of 26 characters (it ends past the text): parse/json.ts
  // makes every error at least one character long, also one at the end of the file (jsonc-parser's
  // "value expected" / "closing brace expected" at EOF). Found with truncation and line deletions; the
  // most frequent failure (hundreds per run).
  it('json-error-at-end-of-file.json: the parse error at the end of the file lies within the text', () => {
    const text = readCase('json-error-at-end-of-file.json');
    assert.ok(parseErrors(checkLikeTheFuzzer(text, 'json-error-at-end-of-file.json')).length > 0);
  });

  // Was failing: the same bug with findings besides it: "A closing brace is expected" at 44-45 in a text of 44.
  it('json-unclosed-object.json: the parse error at the end of the file lies within the text', () => {
    const text = readCase('json-unclosed-object.json');
    assert.ok(parseErrors(checkLikeTheFuzzer(text, 'json-unclosed-object.json')).length > 0);
  });

  // Was failing: lint throws RangeError "Maximum call stack size exceeded" (jsonc-parser's recursive parseArray /
  // parseObject, or parse/json.ts `convert`). JSON nesting of about 3,000 levels is enough.
  it('json-deep-nesting.json (5,000 nested arrays): a parse-error or findings, no exception', () => {
    checkLikeTheFuzzer(readCase('json-deep-nesting.json'), 'json-deep-nesting.json');
  });

  // Was failing: out of memory, the process dies (do not turn on before the fix). suppress/collect.ts `spans()`
  // walks the template tree to find which `#` are comments, without remembering the nodes it has seen:
  // aliases share their target's node, so it visits the 9^9 expanded values. Any suppression comment
  // starts it (infralint, checkov, kics); so does applying a finding's suppress('line') quick fix to a
  // template with an alias bomb, which is how the fuzzer found it. Without such a comment the same
  // template is linted in about 50 ms.
  it('alias-bomb-with-suppression-comment.yaml: linted without expanding the aliases', () => {
    checkLikeTheFuzzer(readCase('alias-bomb-with-suppression-comment.yaml'), 'alias-bomb-with-suppression-comment.yaml');
  });

  // Was failing: no parse-error: the yaml library reports an alias to an anchor that is not defined (or defined
  // later) only when converting to JS, which the engine never does; CloudFormation rejects the template.
  it('undefined-alias-fix.yaml: an alias to an undefined anchor is a parse error', () => {
    const text = readCase('undefined-alias-fix.yaml');
    const errors = parseErrors(new Linter().lint(text, { fileName: 'undefined-alias-fix.yaml' }));
    assert.strictEqual(errors.length, 1);
    assert.strictEqual(errors[0].range.start.line, 3);
  });

  // Was failing: the "Set NoEcho to true" fix replaces `*nothing\n` with `true`: the span of an unresolved alias
  // ends after the line break (parse/yaml-unit.ts takes the alias's range[2], the end including trailing
  // whitespace, not range[1]), so the next line is joined to it: `NoEcho: true    Description: pw`, a
  // parse error ("Nested mappings are not allowed in compact mappings").
  it('undefined-alias-fix.yaml: the NoEcho fix keeps the template parseable', () => {
    checkLikeTheFuzzer(readCase('undefined-alias-fix.yaml'), 'undefined-alias-fix.yaml');
  });

  // Was failing: the "Set NoEcho to true" fix of DBPassword (`NoEcho: *off`) edits the anchor's value instead,
  // `Default: &off "false"` of the Debug parameter, to "true": an alias shares its anchor's node and span.
  // DBPassword keeps `NoEcho: *off` and is fixed only through the other parameter's changed default.
  it('fix-through-alias.yaml: a fix of an aliased value changes that value, not the anchored one', () => {
    const text = readCase('fix-through-alias.yaml');
    checkLikeTheFuzzer(text, 'fix-through-alias.yaml');
    const finding = new Linter().lint(text, { fileName: 'fix-through-alias.yaml' }).findings.find((f) => f.ruleId === 'aws-cfn-parameter-secret-default');
    assert.ok(finding?.fix);
    const fixed = applyEdits(text, finding.fix.edits());
    assert.match(fixed, /Default: &off "false"/, fixed);
    assert.doesNotMatch(fixed, /NoEcho: \*off/, fixed);
  });

  // Was failing: the last key of the parameter is empty (`:`); the NoEcho fix inserts `    NoEcho: true` below it,
  // where it becomes the empty key's value, so the finding stays and fixAll adds it again on each of its
  // 10 passes; the result has ten `NoEcho: true` lines and a parse error.
  it('fixall-empty-key.yaml: fixAll fixes NoEcho once and keeps the template parseable', () => {
    const text = readCase('fixall-empty-key.yaml');
    checkLikeTheFuzzer(text, 'fixall-empty-key.yaml');
    const all = fixAll(text, { fileName: 'fixall-empty-key.yaml' });
    assert.strictEqual(all.fixed.length, 1);
  });

  // Was 1.5 s per lint: each alias was resolved with the yaml library's Alias.resolve, which walks the
  // whole document (aliases x nodes). Now anchors are looked up as the converter meets them.
  it('many-aliases.yaml (400 aliases of a 5,000-item sequence): linted (each alias resolved once)', () => {
    checkLikeTheFuzzer(readCase('many-aliases.yaml'), 'many-aliases.yaml');
  });

  // Was failing: RangeError "Maximum call stack size exceeded" from jsonc-parser: the nesting pre-scan
  // read the unterminated string on line 2 on to the next quote, lines later, while the JSON scanner
  // ends a string at the line break; so it counted the wrong brackets and missed 1,000 levels.
  it('json-unterminated-string-deep-nesting.json: deep nesting after an unterminated string, no exception', () => {
    checkLikeTheFuzzer(readCase('json-unterminated-string-deep-nesting.json'), 'json-unterminated-string-deep-nesting.json');
  });

  // Was failing: the encryption, versioning and public-access-block fixes of a bucket whose `Properties: {`
  // is cut off at the end of the file gave an edit from 71 to 70 (end before start): the JSON insertion
  // assumed a closing brace.
  it('json-unclosed-properties-fix.json: no fix edit outside the text or backwards', () => {
    const text = readCase('json-unclosed-properties-fix.json');
    const result = checkLikeTheFuzzer(text, 'json-unclosed-properties-fix.json');
    assert.ok(result.findings.some((f) => f.ruleId === 'aws-s3-bucket-encryption'));
  });

  // Was failing: the parameter `Password: !Ref P` (an intrinsic, not a parameter definition) was read as the
  // mapping {Ref: P} and reported, and its "Add NoEcho: true" fix wrote a key under the scalar.
  it('parameter-defined-as-intrinsic.yaml: not reported, no fix into a short-form intrinsic', () => {
    const result = checkLikeTheFuzzer(readCase('parameter-defined-as-intrinsic.yaml'), 'parameter-defined-as-intrinsic.yaml');
    assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === 'aws-cfn-parameter-secret-default'), []);
  });

  // Was failing: a resource whose last entry is an alias (`: *anchor`) was taken to end where the anchored
  // value ends (line 1), so the bucket fixes inserted Properties at the top of the file.
  it('alias-last-in-resource-fix.yaml: a fix inserts after the alias, where the resource ends', () => {
    const text = readCase('alias-last-in-resource-fix.yaml');
    const result = checkLikeTheFuzzer(text, 'alias-last-in-resource-fix.yaml');
    const encryption = result.findings.find((f) => f.ruleId === 'aws-s3-bucket-encryption');
    assert.ok(encryption?.fix);
    for (const edit of encryption.fix.edits()) assert.ok(edit.span.start >= text.indexOf('*anchor'), JSON.stringify(edit));
  });

  it('docs/robustness.md shows the figures of the last recorded fuzz run (docs/robustness.json)', () => {
    const root = path.resolve(__dirname, '../../../..');
    const check = spawnSync(process.execPath, [path.join(root, 'scripts/gen-robustness-doc.mjs'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(check.status, 0, check.stderr);
    const run = JSON.parse(fs.readFileSync(path.join(root, 'docs/robustness.json'), 'utf8')) as { inputs: number; failures: number };
    assert.ok(run.inputs >= 100000 && run.failures === 0, `recorded run: ${run.inputs} inputs, ${run.failures} failures`);
  });

  it('every case file has a test', function () {
    // Skipped tests do not read their case: name them here too.
    for (const name of [
      'json-error-at-end-of-file.json', 'json-unclosed-object.json', 'json-deep-nesting.json', 'alias-bomb-with-suppression-comment.yaml',
      'undefined-alias-fix.yaml', 'fix-through-alias.yaml', 'fixall-empty-key.yaml', 'many-aliases.yaml',
    ]) {
      covered.add(name);
    }
    const files = fs.readdirSync(CASES).filter((f) => !f.startsWith('.'));
    assert.deepStrictEqual(files.filter((f) => !covered.has(f)), [], 'case files without a test in fuzz-cases.test.ts');
    for (const name of covered) assert.ok(files.includes(name), `${name} is tested but missing from cases/`);
  });
});
