import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../bin/infralint.js');

describe('infralint scan --fix', function () {
  this.timeout(30000);

  it('applies the safe fixes on disk, keeps the rest of the file, reports what is left and what it fixed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-fix-'));
    const file = path.join(dir, 'stack.yaml');
    const original = [
      '# Keys of the app',
      'Resources:',
      '  DataKey:   # rotates yearly',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      EnableKeyRotation: false',
      '  Open:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: ssh',
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}',
      '',
    ].join('\r\n');
    fs.writeFileSync(file, '\uFEFF' + original);

    const before = spawnSync(process.execPath, [CLI, 'scan', file, '--format', 'json'], { encoding: 'utf8' });
    const beforeReport = JSON.parse(before.stdout);
    const rotation = beforeReport.findings.find((f: { ruleId: string }) => f.ruleId === 'aws-kms-key-rotation');
    assert.strictEqual(rotation.fixable, true);
    const ssh = beforeReport.findings.find((f: { ruleId: string }) => f.ruleId === 'aws-ec2-sg-ssh-open-to-world');
    assert.strictEqual(ssh.fixable, undefined, 'a suggestion is not applied by --fix');

    const run = spawnSync(process.execPath, [CLI, 'scan', file, '--format', 'json', '--fix'], { encoding: 'utf8' });
    assert.strictEqual(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepStrictEqual(report.findings.map((f: { ruleId: string }) => f.ruleId), ['aws-ec2-sg-ssh-open-to-world']);
    assert.strictEqual(report.files[0].fixed, 1);
    assert.match(run.stderr, /fixed 1 problem in 1 file/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '\uFEFF' + original.replace('EnableKeyRotation: false', 'EnableKeyRotation: true'));

    const again = spawnSync(process.execPath, [CLI, 'scan', file, '--fix'], { encoding: 'utf8' });
    assert.match(again.stderr, /fixed 0 problems in 0 files/);
  });

  it('leaves a file with a syntax error as it is, and says why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-fix-'));
    const file = path.join(dir, 'half-typed.yaml');
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n      Description: "not closed\n';
    fs.writeFileSync(file, text);
    const run = spawnSync(process.execPath, [CLI, 'scan', file, '--format', 'json', '--fix'], { encoding: 'utf8' });
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
    const report = JSON.parse(run.stdout);
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'parse-error'));
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'aws-kms-key-rotation'));
    assert.strictEqual(report.files[0].fixed, undefined);
    assert.match(run.stderr, /not fixed:\n {2}.*half-typed\.yaml: the template has a syntax error/);
  });
});
