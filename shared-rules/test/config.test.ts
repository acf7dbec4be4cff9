import * as assert from 'assert';
import { applySeverities, customizedSeverity, resolveConfig } from '../src/config/apply';
import { isExcluded, pathGlobMatches, ruleGlobMatches } from '../src/config/glob';
import { ConfigFinder, findConfig, loadConfigFile, type ConfigHost } from '../src/config/loader';
import { formatProblem, parseConfigFile, validateSettings } from '../src/config/validate';
import { Linter } from '../src/engine';
import type { LintConfig } from '../src/config/types';
import type { LintResult } from '../src/types';

const BUCKET = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n';

function lint(config: LintConfig, text = BUCKET): LintResult {
  return new Linter().lint(text, { fileName: 'x.yaml', config });
}

function severities(result: LintResult): string[] {
  return result.findings.map((f) => `${f.ruleId}:${f.severity}`);
}

describe('.infralint.yaml validation', () => {
  it('reads a valid file', () => {
    const parsed = parseConfigFile(
      [
        'rules:',
        '  customizations:',
        '    - rule: "aws-s3-*"',
        '      severity: error',
        '    - rule: "!aws-s3-*"',
        '      severity: info',
        '    - rule: aws-s3-bucket-logging',
        '      severity: off',
        'minimumSeverity: warning',
        'exclude: ["generated/**", "!generated/keep.yaml"]',
        'formats:',
        '  cloudformation: true',
        'suppressions:',
        '  allowInline: false',
        '',
      ].join('\n'),
      '.infralint.yaml',
    );
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.layer, {
      customizations: [
        { rule: 'aws-s3-*', severity: 'error' },
        { rule: '!aws-s3-*', severity: 'info' },
        { rule: 'aws-s3-bucket-logging', severity: 'off' },
      ],
      minimumSeverity: 'warning',
      exclude: ['generated/**', '!generated/keep.yaml'],
      formats: { cloudformation: true },
      allowInlineSuppressions: false,
    });
  });

  it('names the key, the value and the position of every bad value, and keeps the good ones', () => {
    const text = [
      'rules:',
      '  customizations:',
      '    - rule: aws-s3-bucket-logging',
      '      severity: warn',
      '    - rule: aws-s3-bucket-encrypton',
      '      severity: error',
      '    - rule: "gcp-*"',
      '      severity: error',
      '    - rule: aws-s3-bucket-versioning',
      '      severity: hint',
      'minimumSeverity: low',
      'exclude: [ok, 3]',
      'formats: { cloudformation: "yes", terraform: true }',
      'suppresions: { allowInline: false }',
      '',
    ].join('\n');
    const parsed = parseConfigFile(text, 'repo/.infralint.yaml');
    assert.deepStrictEqual(
      parsed.problems.map((p) => [p.key, p.value, p.range!.start.line + 1, p.range!.start.character + 1]),
      [
        ['rules.customizations[0].severity', 'warn', 4, 17],
        ['rules.customizations[1].rule', 'aws-s3-bucket-encrypton', 5, 13],
        ['rules.customizations[2].rule', 'gcp-*', 7, 13],
        ['minimumSeverity', 'low', 11, 18],
        ['exclude[1]', 3, 12, 15],
        ['formats.cloudformation', 'yes', 13, 28],
        ['formats.terraform', true, 13, 35],
        ['suppresions', { allowInline: false }, 14, 1],
      ],
    );
    assert.strictEqual(
      formatProblem(parsed.problems[0]),
      "repo/.infralint.yaml:4:17: rules.customizations[0].severity: 'warn' is not a severity (expected error, warning, info, hint, off or default); this customization is ignored.",
    );
    assert.strictEqual(
      formatProblem(parsed.problems[1], false),
      "repo/.infralint.yaml:5:13: rules.customizations[1].rule: 'aws-s3-bucket-encrypton' names no Infralint rule (see `infralint rules`)",
    );
    // What was valid is kept.
    assert.deepStrictEqual(parsed.layer, { customizations: [{ rule: 'aws-s3-bucket-versioning', severity: 'hint' }], exclude: ['ok'] });
  });

  it('reports a YAML syntax error with its position and ignores the file', () => {
    const parsed = parseConfigFile('rules:\n  customizations: [\n', '.infralint.yaml');
    assert.strictEqual(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /^not valid YAML: /);
    assert.strictEqual(parsed.problems[0].consequence, 'the whole file is ignored.');
    assert.ok(parsed.problems[0].range);
    assert.deepStrictEqual(parsed.layer, {});
  });

  it('an empty file is valid; a file that is not a mapping is not', () => {
    assert.deepStrictEqual(parseConfigFile('# nothing yet\n'), { layer: {}, problems: [] });
    const list = parseConfigFile('- a\n- b\n', 'c.yaml');
    assert.deepStrictEqual(list.problems.map((p) => [p.message, p.range?.start]), [['["a","b"] is not a mapping of settings', { line: 0, character: 0 }]]);
  });
});

describe('editor settings validation', () => {
  it('null or undefined (clients without settings) means defaults, without problems', () => {
    for (const raw of [null, undefined]) {
      assert.deepStrictEqual(validateSettings(raw), { editor: { enable: true, run: 'onType' }, layer: {}, problems: [] });
    }
  });

  it('reads the nested section VS Code sends, and flat dotted keys', () => {
    const nested = validateSettings({
      enable: false,
      run: 'onSave',
      rules: { customizations: [{ rule: 'aws-*', severity: 'hint' }] },
      minimumSeverity: 'inherit',
      exclude: ['x'],
      formats: { cloudformation: true },
      suppressions: { allowInline: true },
      trace: { server: 'off' },
    });
    assert.deepStrictEqual(nested, {
      editor: { enable: false, run: 'onSave' },
      layer: {
        customizations: [{ rule: 'aws-*', severity: 'hint' }],
        exclude: ['x'],
        formats: { cloudformation: true },
        allowInlineSuppressions: true,
      },
      problems: [],
    });
    const flat = validateSettings({ 'rules.customizations': [{ rule: 'aws-*', severity: 'off' }], minimumSeverity: 'error' });
    assert.deepStrictEqual(flat.layer, { customizations: [{ rule: 'aws-*', severity: 'off' }], minimumSeverity: 'error' });
  });

  it('names each bad setting and its value; the other settings still apply', () => {
    const v = validateSettings({
      enable: 'yes',
      run: 'onChange',
      rules: { customizations: [{ rule: 'aws-s3-bucket-logging', severity: 'warn' }, { rule: 'aws-s3-bucket-versioning', severity: 'error' }] },
      minimumSeverity: 'warning',
    });
    assert.deepStrictEqual(v.problems.map((p) => p.message + '; ' + p.consequence), [
      "infralint.enable: 'yes' is not true or false; it is ignored (Infralint stays enabled).",
      "infralint.run: 'onChange' is not onType or onSave; it is ignored (linting on type).",
      "infralint.rules.customizations[0].severity: 'warn' is not a severity (expected error, warning, info, hint, off or default); this customization is ignored.",
    ]);
    assert.deepStrictEqual(v.editor, { enable: true, run: 'onType' });
    assert.deepStrictEqual(v.layer, { customizations: [{ rule: 'aws-s3-bucket-versioning', severity: 'error' }], minimumSeverity: 'warning' });
    assert.strictEqual(validateSettings('on').problems[0].message, "infralint: 'on' is not a settings object");
  });
});

describe('rule severities', () => {
  it('rule globs: *, ? and !', () => {
    assert.ok(ruleGlobMatches('aws-s3-*', 'aws-s3-bucket-logging'));
    assert.ok(!ruleGlobMatches('aws-s3-*', 'aws-iam-user-attached-policy'));
    assert.ok(ruleGlobMatches('!aws-s3-*', 'aws-iam-user-attached-policy'));
    assert.ok(!ruleGlobMatches('!aws-s3-*', 'aws-s3-bucket-logging'));
    assert.ok(ruleGlobMatches('aws-rds-?ublic-access', 'aws-rds-public-access'));
    assert.ok(!ruleGlobMatches('aws-s3', 'aws-s3-bucket-logging'));
    assert.ok(ruleGlobMatches('aws.s3*', 'aws.s3x') && !ruleGlobMatches('aws.s3*', 'awsxs3'));
  });

  it('later customizations win; default restores the rule severity; off drops', () => {
    const list = [
      { rule: 'aws-s3-*', severity: 'error' as const },
      { rule: 'aws-s3-bucket-logging', severity: 'hint' as const },
      { rule: '!aws-s3-bucket-logging', severity: 'default' as const },
    ];
    assert.strictEqual(customizedSeverity('aws-s3-bucket-logging', 'warning', list), 'hint');
    assert.strictEqual(customizedSeverity('aws-s3-bucket-versioning', 'warning', list), 'warning');
    assert.strictEqual(customizedSeverity('aws-s3-bucket-versioning', 'warning', list.slice(0, 2)), 'error');
    assert.strictEqual(customizedSeverity('aws-s3-bucket-logging', 'warning', [...list, { rule: 'aws-*', severity: 'off' }]), 'off');
    // The engine's own errors are not customizable.
    assert.strictEqual(customizedSeverity('parse-error', 'error', [{ rule: '*', severity: 'off' }]), 'error');
  });

  it('the engine applies customizations in order', () => {
    assert.deepStrictEqual(severities(lint({})), [
      'aws-s3-bucket-encryption:warning',
      'aws-s3-bucket-logging:warning',
      'aws-s3-bucket-public-access-block:warning',
      'aws-s3-bucket-versioning:warning',
    ]);
    const result = lint({
      customizations: [
        { rule: '*', severity: 'info' },
        { rule: 'aws-s3-bucket-encryption', severity: 'error' },
        { rule: '!aws-s3-bucket-*', severity: 'off' },
        { rule: 'aws-s3-bucket-logging', severity: 'off' },
        { rule: 'aws-s3-bucket-versioning', severity: 'default' },
      ],
    });
    assert.deepStrictEqual(severities(result), ['aws-s3-bucket-encryption:error', 'aws-s3-bucket-public-access-block:info', 'aws-s3-bucket-versioning:warning']);
  });

  it('minimumSeverity drops the less severe findings, after customizations', () => {
    const config: LintConfig = {
      customizations: [
        { rule: 'aws-s3-bucket-encryption', severity: 'error' },
        { rule: 'aws-s3-bucket-logging', severity: 'info' },
        { rule: 'aws-s3-bucket-versioning', severity: 'hint' },
      ],
    };
    assert.deepStrictEqual(severities(lint({ ...config, minimumSeverity: 'error' })), ['aws-s3-bucket-encryption:error']);
    assert.deepStrictEqual(severities(lint({ ...config, minimumSeverity: 'warning' })), ['aws-s3-bucket-encryption:error', 'aws-s3-bucket-public-access-block:warning']);
    assert.deepStrictEqual(severities(lint({ ...config, minimumSeverity: 'info' })), [
      'aws-s3-bucket-encryption:error',
      'aws-s3-bucket-logging:info',
      'aws-s3-bucket-public-access-block:warning',
    ]);
    assert.strictEqual(lint({ ...config, minimumSeverity: 'hint' }).findings.length, 4);
  });

  it('a format turned off is not linted', () => {
    const result = lint({ formats: { cloudformation: false } });
    assert.strictEqual(result.format, undefined);
    assert.deepStrictEqual(result.findings, []);
    assert.match(result.skippedReason!, /formats\.cloudformation: false/);
  });

  it('applySeverities keeps the findings it does not change as they are', () => {
    const findings = lint({}).findings;
    const out = applySeverities(findings, { customizations: [{ rule: 'aws-s3-bucket-logging', severity: 'error' }] });
    assert.strictEqual(out[0], findings[0]);
    assert.notStrictEqual(out[1], findings[1]);
    assert.strictEqual(out[1].severity, 'error');
  });
});

describe('exclude', () => {
  it('path globs: names anywhere, anchored paths, **, folders', () => {
    assert.ok(pathGlobMatches('*.generated.yaml', 'a/b/x.generated.yaml'));
    assert.ok(!pathGlobMatches('*.generated.yaml', 'a/b/x.yaml'));
    assert.ok(pathGlobMatches('build', 'build/out/x.yaml'));
    assert.ok(pathGlobMatches('build', 'a/build/x.yaml'));
    assert.ok(pathGlobMatches('test/*.yaml', 'test/x.yaml'));
    assert.ok(!pathGlobMatches('test/*.yaml', 'test/sub/x.yaml'));
    assert.ok(!pathGlobMatches('test/*.yaml', 'a/test/x.yaml'));
    assert.ok(pathGlobMatches('test/**/*.yaml', 'test/sub/deep/x.yaml'));
    assert.ok(pathGlobMatches('test/**/*.yaml', 'test/x.yaml'));
    assert.ok(pathGlobMatches('/cdk.out/', 'cdk.out/x.json'));
    assert.ok(pathGlobMatches('stack-?.yaml', 'stack-1.yaml') && !pathGlobMatches('stack-?.yaml', 'stack-10.yaml'));
  });

  it('the last matching pattern decides; ! re-includes; patterns are relative to their base folder', () => {
    const sets = [{ base: '/repo', patterns: ['generated', '!generated/keep.yaml'] }];
    assert.ok(isExcluded('/repo/generated/a.yaml', sets));
    assert.ok(!isExcluded('/repo/generated/keep.yaml', sets));
    assert.ok(!isExcluded('/repo/src/a.yaml', sets));
    // The settings come after the file: they can re-include.
    assert.ok(!isExcluded('/repo/generated/a.yaml', [...sets, { base: '/repo', patterns: ['!generated/a.yaml'] }]));
    // Anchored patterns do not match outside their base; folders above the base are not looked at.
    assert.ok(!isExcluded('/other/generated/a.yaml', [{ base: '/repo', patterns: ['generated/*.yaml'] }]));
    assert.ok(!isExcluded('/home/generated/repo/a.yaml', [{ base: '/home/generated/repo', patterns: ['generated'] }]));
    // Windows paths.
    assert.ok(isExcluded('C:\\repo\\build\\a.yaml', [{ base: 'C:\\repo', patterns: ['build/*.yaml'] }]));
  });
});

describe('combining .infralint.yaml and settings', () => {
  it('settings win: customizations after the file\'s, minimumSeverity replaced, excludes concatenated', () => {
    const resolved = resolveConfig(
      { layer: { customizations: [{ rule: 'aws-*', severity: 'error' }], minimumSeverity: 'info', exclude: ['gen'] }, dir: '/repo' },
      { layer: { customizations: [{ rule: 'aws-s3-*', severity: 'hint' }], minimumSeverity: 'warning', exclude: ['!gen/keep.yaml'] }, dir: '/repo' },
    );
    assert.deepStrictEqual(resolved, {
      lint: {
        customizations: [
          { rule: 'aws-*', severity: 'error' },
          { rule: 'aws-s3-*', severity: 'hint' },
        ],
        minimumSeverity: 'warning',
      },
      exclude: [
        { base: '/repo', patterns: ['gen'] },
        { base: '/repo', patterns: ['!gen/keep.yaml'] },
      ],
    });
    // Unset settings leave the file's values.
    assert.strictEqual(resolveConfig({ layer: { minimumSeverity: 'info' } }, { layer: {} }).lint.minimumSeverity, 'info');
  });

  it('switching inline suppressions or a format off wins wherever it is set', () => {
    assert.strictEqual(resolveConfig({ layer: { allowInlineSuppressions: false } }, { layer: { allowInlineSuppressions: true } }).lint.allowInlineSuppressions, false);
    assert.strictEqual(resolveConfig({ layer: { allowInlineSuppressions: true } }, { layer: { allowInlineSuppressions: false } }).lint.allowInlineSuppressions, false);
    assert.deepStrictEqual(resolveConfig({ layer: { formats: { cloudformation: false } } }, { layer: { formats: { cloudformation: true } } }).lint.formats, { cloudformation: false });
  });
});

describe('config file loader', () => {
  /** An in-memory file system with `/` paths. */
  function memoryHost(files: Record<string, string | Error>): ConfigHost & { reads: string[] } {
    const reads: string[] = [];
    return {
      reads,
      readFile(file) {
        reads.push(file);
        const content = files[file];
        if (content instanceof Error) throw content;
        return content;
      },
      dirname: (file) => (file.lastIndexOf('/') <= 0 ? '/' : file.slice(0, file.lastIndexOf('/'))),
      join: (dir, name) => (dir === '/' ? `/${name}` : `${dir}/${name}`),
    };
  }

  it('walks up to the nearest .infralint.yaml (or .yml), which is used alone', () => {
    const host = memoryHost({
      '/repo/.infralint.yaml': 'minimumSeverity: error\n',
      '/repo/stacks/.infralint.yml': 'minimumSeverity: info\n',
    });
    assert.deepStrictEqual(findConfig('/repo/stacks/app', host), { file: '/repo/stacks/.infralint.yml', dir: '/repo/stacks', layer: { minimumSeverity: 'info' }, problems: [] });
    assert.strictEqual(findConfig('/repo/other', host)!.file, '/repo/.infralint.yaml');
    assert.strictEqual(findConfig('/elsewhere', host), undefined);
  });

  it('reports an unreadable or missing file as a problem naming it', () => {
    const host = memoryHost({ '/repo/.infralint.yaml': new Error('EACCES: permission denied') });
    const found = findConfig('/repo/a', host)!;
    assert.deepStrictEqual(found.problems.map((p) => formatProblem(p)), ['/repo/.infralint.yaml: cannot read the configuration file: EACCES: permission denied; it is ignored.']);
    assert.deepStrictEqual(loadConfigFile('/nope.yaml', host).problems.map((p) => p.message), ['the configuration file does not exist']);
  });

  it('ConfigFinder reads each folder once until cleared', () => {
    const host = memoryHost({ '/repo/.infralint.yaml': 'exclude: [x]\n' });
    const finder = new ConfigFinder(host);
    finder.find('/repo/a/b');
    const reads = host.reads.length;
    assert.strictEqual(finder.find('/repo/a/b')!.file, '/repo/.infralint.yaml');
    assert.strictEqual(finder.find('/repo/a')!.file, '/repo/.infralint.yaml');
    assert.strictEqual(host.reads.length, reads);
    finder.clear();
    finder.find('/repo/a');
    assert.ok(host.reads.length > reads);
  });
});
