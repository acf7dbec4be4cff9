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

/** As plain(), with each mapping's own span too. */
function plainWithSpans(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.kind !== 'map') return plain(node);
  const { start, end } = spanOf(node);
  return [start, end, node.entries.map((e) => [e.key, spanOf(e.keyNode).start, spanOf(e.keyNode).end, plainWithSpans(e.value)])];
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

  it('stays incremental while a line is typed half-way, and reports the error on that line', () => {
    const cases: [string, string][] = [
      ['a key indented less than the resources', '  Data:\n', ' Dat: 1\n  Data:\n'],
      ['a word at the start of a line between sections', 'Outputs:\n', 'Outp\nOutputs:\n'],
      ['a line indented with a tab', '  Data:\n', '\tx: 1\n  Data:\n'],
      ['a resource key without its colon yet', '  Data:\n', '  Queu\n  Data:\n'],
      ['a first resource key without its colon yet', '  # The first bucket\n', '  Queu\n  # The first bucket\n'],
      // YAML would take a word's indentation, 0, for the section's: without a piece of its own, the whole section was parsed on every keystroke.
      ['a first resource typed at column 0', '  # The first bucket\n', 'Que\n  # The first bucket\n'],
      ['a word typed at column 0 between resources', '  Data:\n', 'Que\n  Data:\n'],
    ].map(([what, find, replace]) => [what, TEMPLATE.replace(find, replace)]);
    const messages: string[] = [];
    for (const [what, text] of cases) {
      const cache = new YamlUnitCache();
      const result = parseYamlTemplate(text, cache);
      assert.ok(result.incremental, `${what}: parsed whole`);
      assert.ok(result.errors.length > 0, `${what}: no error`);
      assert.ok(wholeParse(text).errors.length > 0, `${what}: YAML accepts it`);
      assert.ok(result.resourceUnits.has('Data'), `${what}: the resources after it are not cut`);
      const broken = text.split('\n').findIndex((l) => /^(?: Dat|Outp|\tx|  Queu|Que)/.test(l));
      const errorLine = text.slice(0, result.errors[0].span.start).split('\n').length - 1;
      assert.strictEqual(errorLine, broken, `${what}: the error is on line ${errorLine + 1}, not on the typed line ${broken + 1}`);
      messages.push(result.errors[0].message);
      // The next keystroke on that line parses its piece again, not the document.
      const before = cache.parsedCount;
      parseYamlTemplate(text.replace(/^( Dat|Outp|\tx|  Queu|Que)/m, '$1x'), cache);
      assert.strictEqual(cache.parsedCount - before, 1, `${what}: the next keystroke parsed ${cache.parsedCount - before} pieces`);
    }
    // Said as the user would put it, not in the parser's terms.
    assert.deepStrictEqual(messages.map((m) => m.split(':')[0]), [
      'This line is indented less than the keys above it (1 space, not 2)',
      '"Outp" is not a key',
      'Tabs are not allowed for indentation in YAML; indent with spaces.',
      '"Queu" is not a key',
      '"Queu" is not a key',
      '"Que" is not a key',
      '"Que" is not a key',
    ]);
  });

  it('cuts a sequence written at its key\'s own indentation, and a complex key, as the whole-document parse reads them', () => {
    for (const text of [
      'Conditions:\n  Any:\n  - !Equals [a, b]\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n  List:\n  - a\n  - b\n',
      'Resources:\n  ? Logs\n  : Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n',
    ]) {
      const result = parseYamlTemplate(text);
      assert.ok(result.incremental, text);
      assert.deepStrictEqual(result.errors, [], text);
      assert.deepStrictEqual(plain(result.root), plain(wholeParse(text).root), text);
    }
  });

  it('parses the document whole again when a document marker is typed inside a resource, as a fresh parse does (found by the fuzzer)', () => {
    const head = 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: Creates RDS Cluster\nResources:\n';
    for (const marker of ['...', '---', '%YAML 1.2']) {
      const cache = new YamlUnitCache();
      parseYamlTemplate(`${head}  e:`, cache);
      const after = `${head}  r:\n${marker}\n  2:`;
      const cached = parseYamlTemplate(after, cache);
      const fresh = parseYamlTemplate(after);
      assert.strictEqual(cached.incremental, fresh.incremental, marker);
      assert.strictEqual(fresh.incremental, false, marker);
      assert.deepStrictEqual(plain(cached.root), plain(fresh.root), marker);
      assert.deepStrictEqual(cached.errors, fresh.errors, marker);
    }
  });

  it('gives the model of a fresh parse after edits with CRLF key lines or a second Resources key (found by a differential test)', () => {
    for (const [before, after] of [
      ['Resources:\n a: a', 'Resources:\n a: \na:\r\na'],
      ['Resources:\n a: ', 'Resources:\n a:\na:\r\n '],
      ['Resources:\n a:', 'Resources:\n m:\na:\r'],
      ['Resources: a\nResources:\n a:', 'Resources: a\nResource s:\n a:'],
    ]) {
      const cache = new YamlUnitCache();
      parseYamlTemplate(before, cache);
      const cached = parseYamlTemplate(after, cache);
      const fresh = parseYamlTemplate(after);
      assert.deepStrictEqual(plain(cached.root), plain(fresh.root), JSON.stringify(after));
      assert.deepStrictEqual(cached.errors, fresh.errors, JSON.stringify(after));
    }
    // A `Resources:` section after a `Resources: value` one is a duplicate key.
    const twice = parseYamlTemplate('Resources: a\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
    assert.deepStrictEqual(twice.errors.map((e) => e.message), ['Duplicate key: "Resources" appears twice in the same mapping.']);
  });

  it('reads a column-0 key after the resources, and a line of blanks with a tab, as the whole-document parse does (found by a differential test)', () => {
    for (const text of ['Resources:\n  A: 1\n? B\n: 2\n', 'Resources:\n  A: 1\na#b: 2\n', 'Resources:\n  A: 1\n\'it\'\'s\': 2\n']) {
      const result = parseYamlTemplate(text);
      assert.deepStrictEqual(result.errors, [], text);
      assert.deepStrictEqual(plain(result.root), plain(wholeParse(text).root), text);
    }
    for (const text of ['a:\n\t\nb: 1\n', 'Resources:\n  A:\n\t\n  B: 1\n']) {
      assert.ok(wholeParse(text).errors.length > 0, text);
      assert.ok(parseYamlTemplate(text).errors.length > 0, `no error for ${JSON.stringify(text)}`);
    }
  });

  it('reads what comes before the first key, typed keys, an empty Resources, a CR without LF and the nesting limit as the whole-document parse does (found by a differential test and the fuzzer)', () => {
    // Errors the cut used to miss: indented content or a document end before the first key, and a
    // tagged scalar where a resource belongs.
    for (const text of ['  x\nResources:\n  A: 1\n', '...\nResources:\n  A: 1\n', '---\n---\nResources:\n  A: 1\n', 'Resources:\n  !Ref X\n  B:\n    Type: AWS::S3::Bucket\n']) {
      assert.ok(wholeParse(text).errors.length > 0, text);
      assert.ok(parseYamlTemplate(text).errors.length > 0, `no error for ${JSON.stringify(text)}`);
    }
    // No false error: a value that starts where a resource would and runs over lines that look like keys.
    for (const text of ['Resources:\n |\n a:\n', 'Resources:\n  [a,\n  b: 1]\n', 'Resources:\n  "a\n  B: x"\n', 'Resources:\n  >-\n  B: x\n']) {
      assert.deepStrictEqual(wholeParse(text).errors, [], text);
      assert.deepStrictEqual(parseYamlTemplate(text).errors, [], text);
      assert.deepStrictEqual(plainWithSpans(parseYamlTemplate(text).root), plainWithSpans(wholeParse(text).root), text);
    }
    // No false duplicate: 1 and "1" are two keys, in YAML as in the whole-document parse; 1 and 1.0 are one.
    assert.deepStrictEqual(parseYamlTemplate('Resources:\n  1:\n    Type: A\n  "1":\n    Type: B\n').errors, []);
    assert.match(parseYamlTemplate('Resources:\n  1:\n    Type: A\n  1.0:\n    Type: B\n').errors[0]?.message ?? '', /Duplicate key/);
    // The same model, spans of mappings included.
    for (const text of ['Resources:\n', 'Resources:   # none yet\n\nOutputs:\n  A: 1\n', '\nResources:\n  B:\n    Type: X\n  # end\n# c\n', 'a: 1\nb:   \n\n', 'Resources:\n  ? A\n  :\n    Type: X\n  B: 1\n', 'Resources:\n \r', 'Resources:\r\n  A: 1\r\n  B: \r']) {
      const incremental = parseYamlTemplate(text);
      assert.ok(incremental.incremental, text);
      assert.deepStrictEqual(plainWithSpans(incremental.root), plainWithSpans(wholeParse(text).root), text);
    }
    // A resource's values are three levels below the document's: the limit of 200 falls where it does in the whole document.
    const nested = (levels: number) => `Resources:\n  A:\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i + 2)}k:`).join('\n')} 1\n`;
    const verdicts = [196, 197, 198, 199, 200].map((levels) => {
      const whole = wholeParse(nested(levels)).errors.length > 0;
      assert.strictEqual(parseYamlTemplate(nested(levels)).errors.length > 0, whole, `${levels} levels`);
      return whole;
    });
    assert.ok(verdicts.includes(true) && verdicts.includes(false), JSON.stringify(verdicts));
  });

  it('re-uses a parse only where it reads the same: after several edits before the first key, at another nesting depth (found by a code review)', () => {
    // Two edits in one version (the server debounces): one before the first key, one inside it.
    const cache = new YamlUnitCache();
    parseYamlTemplate("# c\nAWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::SNS::Topic\n", cache);
    const edited = "  c\nAWSTemplateFormatVersion: '2010-09-10'\nResources:\n  B:\n    Type: AWS::SNS::Topic\n";
    assert.deepStrictEqual(parseYamlTemplate(edited, cache).errors.length > 0, wholeParse(edited).errors.length > 0);
    assert.deepStrictEqual(plainWithSpans(parseYamlTemplate(edited, cache).root), plainWithSpans(parseYamlTemplate(edited).root));
    // The same text as a whole document and as a resource: 198 brackets are too deep only in the resource.
    const piece = `  A:\n    P: ${'['.repeat(198)}1${']'.repeat(198)}\n`;
    for (const order of [[piece, `Resources:\n${piece}`], [`Resources:\n${piece}`, piece]]) {
      const shared = new YamlUnitCache();
      for (const text of order) {
        assert.deepStrictEqual(parseYamlTemplate(text, shared).errors, parseYamlTemplate(text).errors, JSON.stringify(order.map((t) => t.length)));
      }
    }
  });

  it('parses whole what a piece alone would read otherwise: a tag before a resource, explicit keys and values, a CR after `---` (found by a code review and a differential test)', () => {
    for (const text of ['Resources:\n  !A\n  B:\n    Type: y\n', 'Resources:\n  !!map\n  B:\n    Type: y\n', 'Resources:\n  A: 1\n :\n', 'Resources:\n  A: 1\n : x\n  B: 2\n', '.nan: a\n.NaN: b\n',
      // Found by a differential test: explicit keys and values that take in what follows, a lone CR after `---`.
      'a: 1\n? :\n "\na:\n', 'Resources:\n  A: 1\n  ? :\n   "\n  B: 1\n', 'Resources:\n  A: 1\n  ?\n  :\n  :\n  B:\n', 'Resources:\n  A: 1\n  ? : #\n  B: 1\n', '---\r\r\na:']) {
      const whole = wholeParse(text);
      const cut = parseYamlTemplate(text);
      assert.strictEqual(cut.errors.length > 0, whole.errors.length > 0, `${JSON.stringify(text)}: ${JSON.stringify(cut.errors)}`);
      if (whole.errors.length === 0) assert.deepStrictEqual(plainWithSpans(cut.root), plainWithSpans(whole.root), text);
    }
    assert.ok(parseYamlTemplate('Resources:\n  !A:\n    Type: x\n  B:\n    Type: y\n').errors.length > 0);
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
      const original = fs.readFileSync(entry.file, 'utf8');
      // As written, and with Windows line endings (or without them, when it has them).
      const other = original.includes('\r\n') ? original.replace(/\r\n/g, '\n') : original.replace(/\n/g, '\r\n');
      for (const text of [original, other]) {
        const whole = wholeParse(text);
        if (whole.errors.length > 0) continue;
        const incremental = parseYamlTemplate(text);
        assert.deepStrictEqual(incremental.errors, [], entry.path);
        assert.deepStrictEqual(plainWithSpans(incremental.root), plainWithSpans(whole.root), entry.path);
        compared++;
      }
    }
    assert.ok(compared > 200, `compared ${compared} files`);
  });
});
