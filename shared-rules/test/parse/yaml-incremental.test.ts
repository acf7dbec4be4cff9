import * as assert from 'assert';
import * as fs from 'fs';
import { spanOf, type Node } from '../../src/model/nodes';
import { parseYamlTemplate, YamlUnitCache } from '../../src/parse/yaml-document';
import { parseYamlUnit } from '../../src/parse/yaml-unit';
import { newUnit } from '../../src/model/nodes';
import { realCorpus } from '../corpus';

/** A node tree as plain data with absolute offsets, to compare two parses. */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  const { start, end } = spanOf(node);
  if (node.kind === 'scalar') return [start, end, node.value];
  if (node.kind === 'seq') return [start, end, node.items.map(plain)];
  return [node.entries.map((e) => [e.key, spanOf(e.keyNode).start, spanOf(e.keyNode).end, plain(e.value)])];
}

function wholeParse(text: string) {
  return parseYamlUnit(text, newUnit(0));
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: >
  Folded description
  over two lines
Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  # The first bucket
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${Env}-logs"
      Tags:
        - Key: team
          Value: platform

  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
Outputs:
  LogsName:
    Value: !Ref Logs
`;

describe('incremental YAML parsing', () => {
  it('builds the same model as a whole-document parse', () => {
    const incremental = parseYamlTemplate(TEMPLATE);
    assert.ok(incremental.incremental, 'a block-style template is parsed by units');
    assert.deepStrictEqual(plain(incremental.root), plain(wholeParse(TEMPLATE).root));
    assert.deepStrictEqual([...incremental.resourceUnits.keys()], ['Logs', 'Data']);
  });

  it('re-parses only the edited resource and keeps offsets right after it', () => {
    const cache = new YamlUnitCache();
    parseYamlTemplate(TEMPLATE, cache);
    const parsedBefore = cache.parsedCount;
    const edited = TEMPLATE.replace('BucketName: !Sub', 'BucketName:   !Sub');
    const result = parseYamlTemplate(edited, cache);
    assert.strictEqual(cache.parsedCount - parsedBefore, 1, 'only the Logs unit is parsed again');
    assert.deepStrictEqual(plain(result.root), plain(wholeParse(edited).root));
  });

  it('falls back to a whole parse for anchors, flow style and several documents', () => {
    for (const text of [
      'Resources:\n  A: &a\n    Type: AWS::S3::Bucket\n  B: *a\n',
      '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}\n',
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n---\nResources: {}\n',
    ]) {
      const result = parseYamlTemplate(text);
      assert.strictEqual(result.incremental, false, text);
      assert.deepStrictEqual(plain(result.root), plain(wholeParse(text).root));
    }
  });

  it('reports errors of a unit at their absolute position', () => {
    const text = TEMPLATE.replace('      BucketName: !Sub', '\tBucketName: !Sub');
    const result = parseYamlTemplate(text);
    assert.ok(result.errors.length > 0);
    const tab = text.indexOf('\t');
    assert.ok(result.errors.some((e) => e.span.start >= tab - 1 && e.span.start <= tab + 1 && /tab/i.test(e.message)), JSON.stringify(result.errors));
  });

  it('matches the whole-document parse on every YAML template of the real corpus', function () {
    this.timeout(120000);
    const corpus = realCorpus();
    if (!corpus) this.skip(); // ../shared is absent in a user's clone; CI always has it
    const yamlTemplates = corpus.filter((e) => e.format !== 'terraform' && /\.ya?ml$/.test(e.path));
    let compared = 0;
    for (const entry of yamlTemplates) {
      const text = fs.readFileSync(entry.file, 'utf8');
      const whole = wholeParse(text);
      if (whole.errors.length > 0) continue;
      const incremental = parseYamlTemplate(text);
      assert.deepStrictEqual(incremental.errors, [], entry.path);
      assert.deepStrictEqual(plain(incremental.root), plain(whole.root), entry.path);
      compared++;
    }
    assert.ok(compared > 200, `compared ${compared} files`);
  });
});
