import * as assert from 'assert';
import { Linter, lintText } from '../src/engine';
import { allRules } from '../src/rules/index';
import type { Rule } from '../src/rules/rule';
import { peerMap, rulesForPeer, rulesWithPeer } from '../src/suppress/peers';
import { parseDirective, suppressionComment, metadataSuppression } from '../src/suppress/syntax';
import type { LintConfig } from '../src/config/types';
import type { LintResult } from '../src/types';

const TODAY = '2025-06-15';

function lint(text: string, config: LintConfig = {}, fileName = 'x.yaml', rules?: readonly Rule[]): LintResult {
  return (rules ? new Linter(rules) : new Linter()).lint(text, { fileName, config: { today: TODAY, ...config } });
}

/** `line:ruleId:severity`, 1-based lines, in the engine's order. */
function summary(result: LintResult): string[] {
  return result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}:${f.severity}`);
}

const BUCKET_RULES = ['aws-s3-bucket-encryption', 'aws-s3-bucket-logging', 'aws-s3-bucket-public-access-block', 'aws-s3-bucket-versioning'];

/** Findings of a bare bucket whose key is on `line` (1-based). */
function bareBucket(line: number, except: string[] = []): string[] {
  return BUCKET_RULES.filter((r) => !except.includes(r)).map((r) => `${line}:${r}:warning`);
}

describe('suppression comments', () => {
  it('a bare bucket has the four bucket findings (the baseline of these tests)', () => {
    const result = lint('Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n');
    assert.deepStrictEqual(summary(result), bareBucket(2));
    assert.deepStrictEqual(result.suppressions, []);
  });

  it('disable-next-line silences several rules on the next line and keeps the reason', () => {
    const text = [
      'Resources:',
      '  # infralint-disable-next-line aws-s3-bucket-logging, aws-s3-bucket-versioning -- access logs go to the central bucket',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), bareBucket(3, ['aws-s3-bucket-logging', 'aws-s3-bucket-versioning']));
    assert.strictEqual(result.suppressions!.length, 1);
    const s = result.suppressions![0];
    assert.strictEqual(s.source, 'infralint');
    assert.strictEqual(s.scope, 'next-line');
    assert.deepStrictEqual(s.ruleIds, ['aws-s3-bucket-logging', 'aws-s3-bucket-versioning']);
    assert.strictEqual(s.reason, 'access logs go to the central bucket');
    assert.strictEqual(s.line, 2);
    assert.deepStrictEqual(s.range.start, { line: 1, character: 2 });
    assert.deepStrictEqual(s.suppressed.map((f) => f.ruleId), ['aws-s3-bucket-logging', 'aws-s3-bucket-versioning']);
  });

  it('ids may be separated by spaces; next-line skips blank and comment lines', () => {
    const text = [
      'Resources:',
      '  # infralint-disable-next-line aws-s3-bucket-logging aws-s3-bucket-versioning',
      '  # a note',
      '',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    assert.deepStrictEqual(summary(lint(text)), bareBucket(5, ['aws-s3-bucket-logging', 'aws-s3-bucket-versioning']));
  });

  it('disable-line silences the line it ends', () => {
    const text = 'Resources:\n  Logs: # infralint-disable-line aws-s3-bucket-encryption -- tested elsewhere\n    Type: AWS::S3::Bucket\n';
    const result = lint(text);
    assert.deepStrictEqual(summary(result), bareBucket(2, ['aws-s3-bucket-encryption']));
    assert.strictEqual(result.suppressions![0].scope, 'line');
    assert.strictEqual(result.suppressions![0].reason, 'tested elsewhere');
  });

  it('disable-resource works inside the resource and just above its key, and only there', () => {
    const inside = [
      'Resources:',
      '  Logs:',
      '    # infralint-disable-resource aws-s3-bucket-encryption',
      '    Type: AWS::S3::Bucket',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    assert.deepStrictEqual(summary(lint(inside)), [...bareBucket(2, ['aws-s3-bucket-encryption']), ...bareBucket(5)]);
    const above = [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '  # infralint-disable-resource aws-s3-bucket-encryption -- encrypted by the bucket policy',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const result = lint(above);
    assert.deepStrictEqual(summary(result), [...bareBucket(2), ...bareBucket(5, ['aws-s3-bucket-encryption'])]);
    assert.strictEqual(result.suppressions![0].resource, 'Data');
  });

  it('disable-file silences a rule everywhere in the file', () => {
    const text = [
      '# infralint-disable-file aws-s3-bucket-versioning -- versioning is handled by backup plans',
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), [...bareBucket(3, ['aws-s3-bucket-versioning']), ...bareBucket(5, ['aws-s3-bucket-versioning'])]);
    assert.strictEqual(result.suppressions![0].suppressed.length, 2);
  });

  it('a # inside a quoted string or a block scalar is not a comment', () => {
    const text = [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Metadata:',
      '      Note: "x # infralint-disable-file aws-s3-bucket-encryption"',
      '      Script: |',
      '        # infralint-disable-file aws-s3-bucket-versioning',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), bareBucket(2));
    assert.deepStrictEqual(result.suppressions, []);
  });

  it('an expired suppression silences nothing and is reported (info) at the comment', () => {
    const text = [
      'Resources:',
      '  # infralint-disable-next-line aws-s3-bucket-logging until=2025-06-14 -- until the migration',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), ['2:expired-suppression:info', ...bareBucket(3)]);
    const expired = result.findings[0];
    assert.strictEqual(
      expired.message,
      'Suppression expired on 2025-06-14: aws-s3-bucket-logging is reported again. Fix the finding, or renew the date if the exception still holds.',
    );
    // From `#` to the end of the line.
    assert.deepStrictEqual(expired.range, { start: { line: 1, character: 2 }, end: { line: 1, character: text.split('\n')[1].length } });
    // The last day it applies is still today.
    const today = lint(text.replace('2025-06-14', TODAY));
    assert.deepStrictEqual(summary(today), bareBucket(3, ['aws-s3-bucket-logging']));
  });

  it('an unused suppression is reported (info), only for the ids that silenced nothing', () => {
    const text = [
      'Resources:',
      '  # infralint-disable-next-line aws-s3-bucket-logging, aws-kms-key-rotation',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), ['2:unused-suppression:info', ...bareBucket(3, ['aws-s3-bucket-logging'])]);
    assert.strictEqual(
      result.findings[0].message,
      'Unused suppression: no aws-kms-key-rotation finding on line 3. Remove aws-kms-key-rotation from the comment: stale suppressions hide future problems.',
    );
    const allUnused = lint('Resources:\n  Logs: # infralint-disable-line aws-kms-key-rotation\n    Type: AWS::S3::Bucket\n');
    assert.deepStrictEqual(summary(allUnused), ['2:unused-suppression:info', ...bareBucket(2)].sort(byLineThenOrder(allUnused)));
  });

  it('does not call a suppression unused when its rule is turned off, or while the template does not parse', () => {
    const text = 'Resources:\n  Logs: # infralint-disable-line aws-kms-key-rotation\n    Type: AWS::S3::Bucket\n';
    const off = lint(text, { customizations: [{ rule: 'aws-kms-key-rotation', severity: 'off' }] });
    assert.deepStrictEqual(summary(off), bareBucket(2));
    const broken = lint(`${text}  Other: [\n`);
    assert.ok(!broken.findings.some((f) => f.ruleId === 'unused-suppression'), JSON.stringify(summary(broken)));
    assert.ok(broken.findings.some((f) => f.ruleId === 'parse-error'));
  });

  it('reports malformed suppressions (unknown rule, bad date, no rule) as invalid-suppression warnings', () => {
    const text = [
      '# infralint-disable-file aws-s3-bucket-versioning, aws-s3-nope',
      '# infralint-disable-file aws-s3-bucket-logging until=2025-02-30',
      '# infralint-disable-file -- no ids',
      '# infralint-enable aws-s3-bucket-logging',
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), [
      '1:invalid-suppression:warning',
      '2:invalid-suppression:warning',
      '3:invalid-suppression:warning',
      '4:invalid-suppression:warning',
      ...bareBucket(6, ['aws-s3-bucket-versioning']),
    ]);
    assert.deepStrictEqual(result.findings.slice(0, 4).map((f) => f.message), [
      "'aws-s3-nope' is not an Infralint rule id (see `infralint rules`); it is not suppressed.",
      "'until=2025-02-30' is not a valid expiry date (expected until=YYYY-MM-DD); the suppression is ignored.",
      'infralint-disable-file names no rule: list the rule ids it silences.',
      "Unknown suppression comment 'infralint-enable' (expected infralint-disable-line, infralint-disable-next-line, infralint-disable-resource, infralint-disable-file).",
    ]);
  });

  it('allowInlineSuppressions: false ignores every suppression in the template', () => {
    const text = [
      'Resources:',
      '  # infralint-disable-next-line aws-s3-bucket-logging',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Metadata:',
      '      infralint:',
      '        suppress:',
      '          - rule: aws-s3-bucket-versioning',
      '      cfn_nag:',
      '        rules_to_suppress:',
      '          - id: W41',
      '',
    ].join('\n');
    assert.deepStrictEqual(summary(lint(text)), bareBucket(3, ['aws-s3-bucket-logging', 'aws-s3-bucket-versioning', 'aws-s3-bucket-encryption']));
    const forbidden = lint(text, { allowInlineSuppressions: false });
    assert.deepStrictEqual(summary(forbidden), bareBucket(3));
    assert.deepStrictEqual(forbidden.suppressions, []);
  });

  it('keeps the cache independent of the configuration: the same Linter gives each config its own result', () => {
    const text = 'Resources:\n  # infralint-disable-next-line aws-s3-bucket-logging\n  Logs:\n    Type: AWS::S3::Bucket\n';
    const linter = new Linter();
    const first = linter.lint(text, { fileName: 'x.yaml' });
    const forbidden = linter.lint(text, { fileName: 'x.yaml', config: { allowInlineSuppressions: false, minimumSeverity: 'error' } });
    const again = linter.lint(text, { fileName: 'x.yaml' });
    assert.deepStrictEqual(summary(first), bareBucket(3, ['aws-s3-bucket-logging']));
    assert.deepStrictEqual(summary(forbidden), []);
    assert.deepStrictEqual(summary(again), summary(first));
  });
});

/** Keeps the engine's order for equal lines: compare with the result's own order. */
function byLineThenOrder(result: LintResult): (a: string, b: string) => number {
  const order = summary(result);
  return (a, b) => order.indexOf(a) - order.indexOf(b);
}

describe('suppressions in Metadata (JSON and YAML)', () => {
  const json = (metadata: object, rootMetadata?: object) =>
    JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        ...(rootMetadata ? { Metadata: rootMetadata } : {}),
        Resources: { Logs: { Type: 'AWS::S3::Bucket', Metadata: metadata } },
      },
      null,
      2,
    );

  it('Metadata.infralint.suppress silences the resource, with reason and expiry', () => {
    const result = lint(
      json({
        infralint: {
          suppress: [
            { rule: 'aws-s3-bucket-logging', reason: 'access logs go to the central bucket' },
            { rule: 'aws-s3-bucket-versioning', until: '2099-01-01' },
          ],
        },
      }),
      {},
      'x.json',
    );
    assert.deepStrictEqual(summary(result), bareBucket(4, ['aws-s3-bucket-logging', 'aws-s3-bucket-versioning']));
    const [logging, versioning] = result.suppressions!;
    assert.strictEqual(logging.origin, 'metadata');
    assert.strictEqual(logging.scope, 'resource');
    assert.strictEqual(logging.resource, 'Logs');
    assert.strictEqual(logging.reason, 'access logs go to the central bucket');
    assert.strictEqual(versioning.until, '2099-01-01');
    // The entry's `{` (line 9).
    assert.deepStrictEqual(logging.range.start, { line: 8, character: 12 });
  });

  it('reports expired, unused and malformed Metadata entries', () => {
    const result = lint(
      json({
        infralint: {
          suppress: [
            { rule: 'aws-s3-bucket-logging', until: '2020-01-01' },
            { rule: 'aws-kms-key-rotation' },
            { rule: 'aws-s3-bucket-versioning', until: 'soon' },
            { reason: 'no rule' },
          ],
        },
      }),
      {},
      'x.json',
    );
    assert.deepStrictEqual(
      result.findings.filter((f) => f.ruleId.endsWith('-suppression')).map((f) => `${f.range.start.line + 1}:${f.ruleId}:${f.severity}`),
      // At the entries (lines 9, 13, 20), and at the bad date itself (line 18).
      ['9:expired-suppression:info', '13:unused-suppression:info', '18:invalid-suppression:warning', '20:invalid-suppression:warning'],
    );
    assert.deepStrictEqual(summary(result).filter((s) => s.startsWith('4:')), bareBucket(4));
  });

  it('the template Metadata silences the whole file', () => {
    const result = lint(json({}, { infralint: { suppress: [{ rule: 'aws-s3-bucket-encryption', reason: 'KMS at the account level' }] } }), {}, 'x.json');
    assert.deepStrictEqual(summary(result), bareBucket(14, ['aws-s3-bucket-encryption']));
    assert.strictEqual(result.suppressions![0].scope, 'file');
  });

  it('works in YAML too', () => {
    const text = [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Metadata:',
      '      infralint:',
      '        suppress:',
      '          - rule: aws-s3-bucket-public-access-block',
      '            reason: a public website',
      '',
    ].join('\n');
    assert.deepStrictEqual(summary(lint(text)), bareBucket(2, ['aws-s3-bucket-public-access-block']));
  });
});

describe('suppressions of other tools (migration)', () => {
  it('maps peer ids through the rules\' references, with no hand-written table', () => {
    const peers = peerMap(allRules);
    const fromMeta = (tool: string, id: string) =>
      allRules.filter((r) => r.meta.references.some((ref) => ref.tool === tool && ref.id === id)).map((r) => r.meta.id);
    assert.deepStrictEqual(rulesForPeer(peers, 'checkov', 'CKV_AWS_18'), ['aws-s3-bucket-logging']);
    assert.deepStrictEqual(rulesForPeer(peers, 'checkov', 'ckv_aws_18'), ['aws-s3-bucket-logging']);
    assert.deepStrictEqual(rulesForPeer(peers, 'cfn_nag', 'W35'), ['aws-s3-bucket-logging']);
    assert.ok(fromMeta('cfn_nag', 'W2').length > 1);
    assert.deepStrictEqual(rulesForPeer(peers, 'cfn_nag', 'W2'), fromMeta('cfn_nag', 'W2'));
    assert.deepStrictEqual(rulesForPeer(peers, 'cfn-lint', 'W3005'), []);
    assert.deepStrictEqual(rulesWithPeer(peers, 'kics'), allRules.filter((r) => r.meta.references.some((x) => x.tool === 'kics')).map((r) => r.meta.id).sort());
  });

  it('checkov:skip comments apply to the resource they are in or above', () => {
    const text = [
      'Resources:',
      '  # checkov:skip=CKV_AWS_18:logs go to the central bucket',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      '    #checkov:skip=CKV_AWS_21',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), [...bareBucket(3, ['aws-s3-bucket-logging']), ...bareBucket(5, ['aws-s3-bucket-versioning'])]);
    assert.deepStrictEqual(result.suppressions!.map((s) => [s.source, s.resource, s.ids, s.ruleIds, s.reason]), [
      ['checkov', 'Logs', ['CKV_AWS_18'], ['aws-s3-bucket-logging'], 'logs go to the central bucket'],
      ['checkov', 'Data', ['CKV_AWS_21'], ['aws-s3-bucket-versioning'], undefined],
    ]);
  });

  it('checkov, cfn_nag and cfn-lint Metadata', () => {
    const text = [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Metadata:',
      '      checkov:',
      '        skip:',
      '          - id: CKV_AWS_18',
      '            comment: This is the log bucket',
      '      cfn_nag:',
      '        rules_to_suppress:',
      '          - id: W41',
      '            reason: SSE by default',
      '      cfn-lint:',
      '        config:',
      '          ignore_checks: [W3005]',
      '',
    ].join('\n');
    const result = lint(text);
    assert.deepStrictEqual(summary(result), bareBucket(2, ['aws-s3-bucket-logging', 'aws-s3-bucket-encryption']));
    assert.deepStrictEqual(result.suppressions!.map((s) => [s.source, s.ruleIds]), [
      ['checkov', ['aws-s3-bucket-logging']],
      ['cfn_nag', ['aws-s3-bucket-encryption']],
      ['cfn-lint', []],
    ]);
  });

  it('tfsec:ignore and trivy:ignore (with exp:) map through trivy references', () => {
    // No rule has a trivy reference yet: give the encryption rule one for this test.
    const withTrivy = allRules.map((r) =>
      r.meta.id === 'aws-s3-bucket-encryption' ? { ...r, meta: { ...r.meta, references: [...r.meta.references, { tool: 'trivy' as const, id: 'AVD-AWS-0088' }] } } : r,
    );
    const text = (comment: string) => `Resources:\n  ${comment}\n  Logs:\n    Type: AWS::S3::Bucket\n`;
    assert.deepStrictEqual(summary(lint(text('#tfsec:ignore:AVD-AWS-0088'), {}, 'x.yaml', withTrivy)), bareBucket(3, ['aws-s3-bucket-encryption']));
    assert.deepStrictEqual(summary(lint(text('# trivy:ignore:avd-aws-0088:exp:2099-12-31'), {}, 'x.yaml', withTrivy)), bareBucket(3, ['aws-s3-bucket-encryption']));
    // Expired: reported by the rule again; another tool's suppression is never reported itself.
    assert.deepStrictEqual(summary(lint(text('# trivy:ignore:AVD-AWS-0088:exp:2020-01-01'), {}, 'x.yaml', withTrivy)), bareBucket(3));
    // Without a reference it maps to nothing (and is not called unused: the other tool may need it).
    assert.deepStrictEqual(summary(lint(text('#tfsec:ignore:AVD-AWS-0088'))), bareBucket(3));
  });

  it('kics-scan ignore-line, ignore-block and disable=', () => {
    const kicsLogging = 'f861041c-8c9f-4156-acfc-5e6e524f5884';
    // Versioning without a KICS peer (KICS would not report it, so its ignore comments do not cover it).
    const withKics = allRules.map((r) => {
      const others = r.meta.references.filter((x) => x.tool !== 'kics');
      if (r.meta.id === 'aws-s3-bucket-logging') return { ...r, meta: { ...r.meta, references: [...others, { tool: 'kics' as const, id: kicsLogging }] } };
      if (r.meta.id === 'aws-s3-bucket-versioning') return { ...r, meta: { ...r.meta, references: others } };
      return r;
    });
    const kicsRules = rulesWithPeer(peerMap(withKics), 'kics').filter((id) => BUCKET_RULES.includes(id));
    assert.deepStrictEqual(kicsRules, ['aws-s3-bucket-encryption', 'aws-s3-bucket-logging', 'aws-s3-bucket-public-access-block']);
    const line = lint('Resources:\n  # kics-scan ignore-line\n  Logs:\n    Type: AWS::S3::Bucket\n', {}, 'x.yaml', withKics);
    assert.deepStrictEqual(summary(line), bareBucket(3, kicsRules));
    const block = lint('Resources:\n  # kics-scan ignore-block\n  Logs:\n    Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n', {}, 'x.yaml', withKics);
    assert.deepStrictEqual(summary(block), [...bareBucket(3, kicsRules), ...bareBucket(5)]);
    const disable = lint(`# kics-scan disable=${kicsLogging}\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n`, {}, 'x.yaml', withKics);
    assert.deepStrictEqual(summary(disable), bareBucket(3, ['aws-s3-bucket-logging']));
  });
});

describe('suppression syntax', () => {
  it('produces the comment line a "Suppress" quick fix inserts', () => {
    assert.strictEqual(
      suppressionComment('aws-s3-bucket-logging', 'access logs go to\nthe central bucket', '    '),
      '    # infralint-disable-next-line aws-s3-bucket-logging -- access logs go to the central bucket',
    );
    assert.strictEqual(suppressionComment(['a-rule', 'b-rule'], undefined, '', { scope: 'resource', until: '2026-01-31' }), '# infralint-disable-resource a-rule, b-rule until=2026-01-31');
    assert.deepStrictEqual(metadataSuppression('aws-s3-bucket-logging', 'why'), { rule: 'aws-s3-bucket-logging', reason: 'why' });
  });

  it('the produced comment, inserted above the finding, silences it', () => {
    const lines = ['Resources:', '  Logs:', '    Type: AWS::S3::Bucket', ''];
    lines.splice(1, 0, suppressionComment('aws-s3-bucket-logging', 'central bucket', '  '));
    const result = lintText(lines.join('\n'), { fileName: 'x.yaml' });
    assert.deepStrictEqual(summary(result), bareBucket(3, ['aws-s3-bucket-logging']));
  });

  it('parses directives: scope, ids, until, reason', () => {
    assert.deepStrictEqual(parseDirective(' infralint-disable-next-line a, b until=2026-01-31 -- x -- y'), {
      scope: 'next-line',
      ids: ['a', 'b'],
      until: '2026-01-31',
      reason: 'x -- y',
      problems: [],
    });
    assert.strictEqual(parseDirective(' just a comment about infralint-disable'), undefined);
  });
});
