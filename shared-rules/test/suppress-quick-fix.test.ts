import * as assert from 'assert';
import { lintText } from '../src/engine';
import { applyEdits } from '../src/fix/apply';

describe('the Suppress quick fix', () => {
  it('in JSON adds Metadata.infralint.suppress to the resource, which silences the finding', () => {
    const text = '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {}\n    }\n  }\n}\n';
    const finding = lintText(text, { fileName: 'x.json' }).findings.find((f) => f.ruleId === 'aws-kms-key-rotation');
    assert.ok(finding?.suppress);
    assert.deepStrictEqual(finding.suppress('line'), [], 'JSON has no comments to suppress a line with');
    const suppressed = applyEdits(text, finding.suppress('resource', 'rotation is done by the key store'));
    assert.strictEqual(
      suppressed,
      text.replace(
        '"Properties": {}',
        '"Properties": {},\n      "Metadata": {\n        "infralint": {\n          "suppress": [\n            {\n              "rule": "aws-kms-key-rotation",\n              "reason": "rotation is done by the key store"\n            }\n          ]\n        }\n      }',
      ),
    );
    assert.ok(!lintText(suppressed, { fileName: 'x.json' }).findings.some((f) => f.ruleId === 'aws-kms-key-rotation'));
  });

  it('in YAML puts a comment above the line, with its indentation, and the finding goes away', () => {
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n';
    const finding = lintText(text, { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'aws-kms-key-rotation')!;
    const suppressed = applyEdits(text, finding.suppress!('line', 'legacy key'));
    assert.strictEqual(suppressed, text.replace('      EnableKeyRotation', '      # infralint-disable-next-line aws-kms-key-rotation -- legacy key\n      EnableKeyRotation'));
    const after = lintText(suppressed, { fileName: 'x.yaml' }).findings;
    assert.deepStrictEqual(after.map((f) => f.ruleId), []);
  });

  it('is not offered where inline suppressions are forbidden', () => {
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n';
    const finding = lintText(text, { fileName: 'x.yaml', config: { allowInlineSuppressions: false } }).findings[0];
    assert.strictEqual(finding.suppress, undefined);
  });
});
