import * as assert from 'assert';
import { Linter } from '../../src/engine';
import { cfnTemplateSections } from '../../src/rules/misc/aws-cfn-template-sections';
import { testRule } from '../rule-tester';

testRule(cfnTemplateSections, {
  valid: [
    {
      name: 'every section CloudFormation knows, and SAM Globals',
      code: `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: all sections
Metadata: {}
Parameters: {}
Rules: {}
Mappings: {}
Conditions: {}
Globals: {}
Hooks: {}
Resources:
  Topic:
    Type: AWS::SNS::Topic
Outputs: {}
`,
    },
    {
      name: 'a JSON template with one resource',
      code: '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}',
    },
  ],
  invalid: [
    {
      name: 'a resource typed at column 0 below Resources: a section of its own, with the resources after it',
      code: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
NewQueue:
  Topic:
    Type: AWS::SNS::Topic
`,
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 10, message: 'The template has no resources' },
        { line: 3, column: 1, endLine: 3, endColumn: 9, message: '"NewQueue" is not a section of a CloudFormation template, and nothing in it is checked: if it is a resource, indent it under Resources.' },
      ],
    },
    {
      name: 'a mis-indented Properties key next to resources that are there',
      code: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
Properties:
  TopicName: x
`,
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 11, message: '"Properties" is not a section' }],
    },
    {
      name: 'no Resources at all (JSON), reported at the first key',
      code: '{"AWSTemplateFormatVersion": "2010-09-09", "Outputs": {}}',
      errors: [{ line: 1, column: 2, endLine: 1, endColumn: 28, message: 'needs at least one under Resources' }],
    },
    {
      name: 'an empty Resources mapping',
      code: `AWSTemplateFormatVersion: "2010-09-09"
Resources: {}
`,
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10, message: 'The template has no resources' }],
    },
  ],
});

describe('aws-cfn-template-sections with a syntax error', () => {
  it('leaves the sections to the syntax error: what the parser recovered is no template to judge', () => {
    // A tab makes the whole Resources section unreadable: no "no resources" on top of the syntax error.
    const result = new Linter([cfnTemplateSections]).lint('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n\tTopic:\n    Type: AWS::SNS::Topic\n', { syntax: 'yaml' });
    assert.ok(result.findings.some((f) => f.ruleId === 'parse-error'), JSON.stringify(result.findings));
    assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === cfnTemplateSections.meta.id), []);
  });
});
