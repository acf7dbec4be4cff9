import * as assert from 'assert';
import { asString, resolvePath, type Outcome } from '../../src/model/evaluate';
import { buildTemplate } from '../../src/model/template';
import { valueOf, type MapNode } from '../../src/model/nodes';
import { parseYamlTemplate } from '../../src/parse/yaml-document';
import { lintText } from '../../src/engine';

function templateOf(text: string) {
  const parsed = parseYamlTemplate(text);
  assert.deepStrictEqual(parsed.errors, []);
  return buildTemplate('yaml', parsed.root, parsed.errors);
}

/** Evaluates Resources.R.Properties.<path> and describes each outcome. */
function outcomes(text: string, path: string): string[] {
  const template = templateOf(text);
  const props = template.resourcesById.get('R')!.properties!;
  return resolvePath(props, path.split('.'), template).map(show);
}

function show(o: Outcome): string {
  if (o.kind !== 'value') return o.kind;
  return o.data.kind === 'scalar' ? `value:${asString(o)}` : `value:${o.data.kind}`;
}

const HEADER = `Parameters:
  Open:
    Type: String
    Default: 0.0.0.0/0
  NoDefault:
    Type: String
  Env:
    Type: String
    Default: prod
Mappings:
  Cidrs:
    prod:
      Office: 10.0.0.0/8
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  R:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
`;

describe('evaluating intrinsic functions', () => {
  it('resolves a Ref to a parameter with a Default to that default', () => {
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !Ref Open\n`, 'CidrIp'), ['value:0.0.0.0/0']);
  });

  it('keeps a Ref to a parameter without Default, a resource or a pseudo parameter unknown', () => {
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !Ref NoDefault\n`, 'CidrIp'), ['unknown']);
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !Ref R\n`, 'CidrIp'), ['unknown']);
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !Ref AWS::Region\n`, 'CidrIp'), ['unknown']);
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !ImportValue shared-cidr\n`, 'CidrIp'), ['unknown']);
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !GetAtt Vpc.CidrBlock\n`, 'CidrIp'), ['unknown']);
  });

  it('follows both branches of Fn::If, and AWS::NoValue removes the property', () => {
    assert.deepStrictEqual(
      outcomes(`${HEADER}      CidrIp: !If [IsProd, 10.0.0.0/8, !Ref AWS::NoValue]\n`, 'CidrIp'),
      ['value:10.0.0.0/8', 'absent'],
    );
    assert.deepStrictEqual(
      outcomes(`${HEADER}      CidrIp:\n        Fn::If: [IsProd, !If [IsProd, a, b], c]\n`, 'CidrIp'),
      ['value:a', 'value:c'],
    );
  });

  it('evaluates Sub, Join, Select and FindInMap when every part is known', () => {
    assert.deepStrictEqual(outcomes(`${HEADER}      Description: !Sub "\${Env}-sg \${!Literal}"\n`, 'Description'), ['value:prod-sg ${Literal}']);
    assert.deepStrictEqual(outcomes(`${HEADER}      Description: !Sub "\${AWS::Region}-sg"\n`, 'Description'), ['unknown']);
    assert.deepStrictEqual(outcomes(`${HEADER}      Description: !Join ["-", [a, !Ref Env]]\n`, 'Description'), ['value:a-prod']);
    assert.deepStrictEqual(outcomes(`${HEADER}      Description: !Select [1, [a, b]]\n`, 'Description'), ['value:b']);
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !FindInMap [Cidrs, !Ref Env, Office]\n`, 'CidrIp'), ['value:10.0.0.0/8']);
  });

  it('reports a missing path step as absent and a wrong type as unknown', () => {
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: 10.0.0.0/8\n`, 'Missing.Deeper'), ['absent']);
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: 10.0.0.0/8\n`, 'CidrIp.Deeper'), ['unknown']);
  });

  it('stays linear when 24 nested conditions share their branches through aliases', () => {
    // Each level's two branches are the level below: 2^24 paths, but only 25 distinct nodes.
    const levels = ['      L0: &l0 !If [IsProd, a, b]'];
    for (let i = 1; i <= 24; i++) levels.push(`      L${i}: &l${i} !If [IsProd, *l${i - 1}, *l${i - 1}]`);
    const text = `${HEADER}${levels.join('\n')}\n`;
    assert.deepStrictEqual(outcomes(text, 'L24'), ['value:a', 'value:b']);
  });

  it('stays bounded when 24 different conditions nest over shared branches', () => {
    const conditions = Array.from({ length: 25 }, (_, i) => `  C${i}: !Equals [!Ref Env, e${i}]`).join('\n');
    const levels = ['      L0: &l0 !If [C0, a, b]'];
    for (let i = 1; i <= 24; i++) levels.push(`      L${i}: &l${i} !If [C${i}, *l${i - 1}, *l${i - 1}]`);
    const text = `${HEADER.replace('Conditions:\n', `Conditions:\n${conditions}\n`)}${levels.join('\n')}\n`;
    const deepest = outcomes(text, 'L24');
    assert.ok(deepest.length <= 32 && deepest.every((o) => o === 'unknown'), deepest.join());
  });

  it('long-form and short-form intrinsics evaluate alike', () => {
    const template = templateOf(`${HEADER}      A: !Ref Open\n      B:\n        Ref: Open\n`);
    const props = template.resourcesById.get('R')!.properties as MapNode;
    const a = resolvePath(props, ['A'], template).map(show);
    const b = resolvePath(props, ['B'], template).map(show);
    assert.deepStrictEqual(a, b);
    assert.ok(valueOf(props, 'A'));
  });

  it('never follows a branch that contradicts a condition known to hold', () => {
    // Inside the false branch of IsProd, an inner !If on IsProd can only take its false branch.
    assert.deepStrictEqual(outcomes(`${HEADER}      CidrIp: !If [IsProd, a, !If [IsProd, b, c]]\n`, 'CidrIp'), ['value:a', 'value:c']);
    // Nested mappings keep the assumption of the branch that led to them.
    assert.deepStrictEqual(
      outcomes(`${HEADER}      Rule: !If [IsProd, {CidrIp: !If [IsProd, x, y]}, {CidrIp: z}]\n`, 'Rule.CidrIp'),
      ['value:x', 'value:z'],
    );
  });
});

describe('conditions of resources', () => {
  it('a resource with Condition: X is read with X true', () => {
    const text = `Conditions:
  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Condition: IsProd
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !If [IsProd, 10.0.0.0/8, 0.0.0.0/0]}
`;
    const findings = lintText(text, { fileName: 'x.yaml' }).findings.filter((f) => f.ruleId === 'aws-ec2-sg-ssh-open-to-world');
    assert.deepStrictEqual(findings, []);
    const unconditional = lintText(text.replace('    Condition: IsProd\n', ''), { fileName: 'x.yaml' }).findings;
    assert.strictEqual(unconditional.filter((f) => f.ruleId === 'aws-ec2-sg-ssh-open-to-world').length, 1);
  });
});
