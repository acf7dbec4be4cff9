import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUCKET_YAML, cleanup, CLEAN_YAML, makeFixture, runJson } from './helpers';

const JSON_TEMPLATE = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}\n';

function trySymlink(target: string, link: string, type: 'dir' | 'file'): boolean {
  try {
    fs.symlinkSync(target, link, type === 'dir' ? 'junction' : 'file');
    return true;
  } catch {
    return false;
  }
}

describe('infralint scan: file discovery', () => {
  let dir: string;
  afterEach(() => cleanup(dir));

  it('walks folders recursively, skipping node_modules and .git, and sorts the files', () => {
    dir = makeFixture({
      'repo/b/s3.yaml': BUCKET_YAML,
      'repo/a/deep/er/clean.yml': CLEAN_YAML,
      'repo/z.template': JSON_TEMPLATE,
      'repo/c.json': JSON_TEMPLATE,
      'repo/node_modules/pkg/s3.yaml': BUCKET_YAML,
      'repo/a/node_modules/s3.yaml': BUCKET_YAML,
      'repo/.git/hooks/s3.yaml': BUCKET_YAML,
      'repo/notes.txt': BUCKET_YAML,
      'repo/README.md': '# readme\n',
    });
    const { report } = runJson(['scan', 'repo'], dir);
    const files = report.files.map((f) => f.file);
    assert.deepStrictEqual(files, ['repo/a/deep/er/clean.yml', 'repo/b/s3.yaml', 'repo/c.json', 'repo/z.template']);
    assert.ok(report.files.every((f) => f.format === 'cloudformation'));
    assert.ok(report.findings.every((f) => f.file === 'repo/b/s3.yaml'));
  });

  it('lints a file named explicitly whatever its extension', () => {
    dir = makeFixture({ 'stack.cfn': BUCKET_YAML, 'also.txt': BUCKET_YAML });
    const { report } = runJson(['scan', 'stack.cfn', 'also.txt'], dir);
    assert.deepStrictEqual(report.files, [
      { file: 'also.txt', format: 'cloudformation' },
      { file: 'stack.cfn', format: 'cloudformation' },
    ]);
    assert.ok(report.findings.some((f) => f.file === 'stack.cfn'));
  });

  it('lists each file once when it is named and also inside a scanned folder', () => {
    dir = makeFixture({ 'stacks/s3.yaml': BUCKET_YAML });
    const { report } = runJson(['scan', 'stacks', 'stacks/s3.yaml', 'stacks'], dir);
    assert.deepStrictEqual(report.files.map((f) => f.file), ['stacks/s3.yaml']);
  });

  it('does not loop on a symlink to a parent folder', function () {
    dir = makeFixture({ 'repo/sub/s3.yaml': BUCKET_YAML, 'repo/other/clean.yaml': CLEAN_YAML });
    if (!trySymlink(path.join(dir, 'repo'), path.join(dir, 'repo', 'sub', 'loop'), 'dir')) this.skip();
    const { run, report } = runJson(['scan', 'repo'], dir);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(report.files.map((f) => f.file), ['repo/other/clean.yaml', 'repo/sub/s3.yaml']);
  });

  it('follows a symlinked folder that leads outside the scanned one', function () {
    dir = makeFixture({ 'shared/s3.yaml': BUCKET_YAML, 'repo/clean.yaml': CLEAN_YAML });
    if (!trySymlink(path.join(dir, 'shared'), path.join(dir, 'repo', 'linked'), 'dir')) this.skip();
    const { report } = runJson(['scan', 'repo'], dir);
    assert.deepStrictEqual(report.files.map((f) => f.file), ['repo/clean.yaml', 'repo/linked/s3.yaml']);
  });
});
