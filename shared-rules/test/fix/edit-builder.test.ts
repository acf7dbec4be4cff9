import * as assert from 'assert';
import { lintText } from '../../src/engine';
import { applyEdits, fixAll } from '../../src/fix/apply';

/** Applies the safe fixes of one rule and returns the text. */
function fix(text: string, ruleId: string, fileName = 'x.yaml'): string {
  return fixAll(text, { fileName, ruleId }).text;
}

describe('fixes keep the author\'s formatting', () => {
  it('inserts in the document\'s indentation width and keeps comments and key order', () => {
    const text = [
      'Resources:',
      '    Key:   # the data key',
      '        Type: AWS::KMS::Key',
      '        Properties:',
      "            Description: 'app key'  # why',",
      '            KeyPolicy: {}',
      'Outputs: {}',
      '',
    ].join('\n');
    assert.strictEqual(
      fix(text, 'aws-kms-key-rotation'),
      text.replace("            KeyPolicy: {}\n", "            KeyPolicy: {}\n            EnableKeyRotation: true\n"),
    );
  });

  it('keeps CRLF line endings and creates Properties when there is none', () => {
    const text = 'Resources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n';
    assert.strictEqual(fix(text, 'aws-kms-key-rotation'), 'Resources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n    Properties:\r\n      EnableKeyRotation: true\r\n');
  });

  it('keeps the quoting of a replaced value', () => {
    const text = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n      PubliclyAccessible: 'true'\n";
    assert.strictEqual(fix(text, 'aws-rds-public-access'), text.replace("'true'", "'false'"));
  });

  it('writes nested YAML in block style, and adds to flow mappings in flow style', () => {
    const block = 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: t\n';
    assert.strictEqual(
      fix(block, 'aws-dynamodb-pitr'),
      `${block}      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n`,
    );
    const flow = 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {TableName: t}\n';
    assert.strictEqual(
      fix(flow, 'aws-dynamodb-pitr'),
      'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {TableName: t, PointInTimeRecoverySpecification: {"PointInTimeRecoveryEnabled":true}}\n',
    );
  });

  it('adds JSON properties with commas and the file\'s indentation, inline objects inline', () => {
    const json = '{\n\t"Resources": {\n\t\t"K": {\n\t\t\t"Type": "AWS::KMS::Key",\n\t\t\t"Properties": {\n\t\t\t\t"Description": "k"\n\t\t\t}\n\t\t}\n\t}\n}\n';
    assert.strictEqual(fix(json, 'aws-kms-key-rotation', 'x.json'), json.replace('"Description": "k"', '"Description": "k",\n\t\t\t\t"EnableKeyRotation": true'));
    const inline = '{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"Description": "k"}}}}';
    assert.strictEqual(fix(inline, 'aws-kms-key-rotation', 'x.json'), inline.replace('"Description": "k"', '"Description": "k", "EnableKeyRotation": true'));
  });

  it('never rewrites an intrinsic: a Ref to a parameter default gets no fix', () => {
    const text = 'Parameters:\n  Public:\n    Type: String\n    Default: "true"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n      PubliclyAccessible: !Ref Public\n';
    const finding = lintText(text, { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'aws-rds-public-access');
    assert.ok(finding);
    assert.deepStrictEqual(finding.fix?.edits() ?? [], []);
  });

  it('offers changes that replace resources or need the user\'s network as suggestions, which fix-all leaves alone', () => {
    const text = 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n';
    const finding = lintText(text, { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'aws-ec2-sg-ssh-open-to-world');
    assert.strictEqual(finding?.fix?.kind, 'suggestion');
    assert.match(applyEdits(text, finding.fix.edits()), /CidrIp: 10\.0\.0\.0\/8/);
    assert.strictEqual(fixAll(text, { fileName: 'x.yaml' }).text, text);
  });

  it('fix-all applies nothing to a template with a syntax error and says why; the single quick fix stays on offer', () => {
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n      Description: "not closed\n';
    const result = fixAll(text, { fileName: 'x.yaml' });
    assert.strictEqual(result.text, text);
    assert.deepStrictEqual(result.fixed, []);
    assert.match(result.notApplied ?? '', /syntax error/);
    const finding = lintText(text, { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'aws-kms-key-rotation');
    assert.strictEqual(finding?.fix?.edits().length, 1);
    // Nothing to fix: no reason to give either.
    assert.strictEqual(fixAll('Resources:\n  B:\n    Type: AWS::SNS::Topic\n    Properties: {KmsMasterKeyId: k}\n  "x\n', { fileName: 'x.yaml' }).notApplied, undefined);
  });
});
