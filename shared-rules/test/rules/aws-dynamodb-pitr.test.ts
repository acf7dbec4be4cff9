import { dynamodbPitr } from '../../src/rules/data/aws-dynamodb-pitr';
import { testRule } from '../rule-tester';

const TABLE_PROPS = `      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
`;

testRule(dynamodbPitr, {
  valid: [
    {
      name: 'point-in-time recovery on (boolean and string)',
      code: `Resources:
  A:
    Type: AWS::DynamoDB::Table
    Properties:
${TABLE_PROPS}      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
  B:
    Type: AWS::DynamoDB::Table
    Properties:
${TABLE_PROPS}      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: "True"
`,
    },
    {
      name: 'a setting from a parameter without Default or an import cannot be known',
      code: `Parameters:
  Pitr:
    Type: String
Resources:
  A:
    Type: AWS::DynamoDB::Table
    Properties:
${TABLE_PROPS}      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !Ref Pitr
  B:
    Type: AWS::DynamoDB::Table
    Properties:
${TABLE_PROPS}      PointInTimeRecoverySpecification: !ImportValue pitr-spec
`,
    },
    {
      name: 'global table with recovery on every replica',
      code: `Resources:
  Global:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
${TABLE_PROPS}      Replicas:
        - Region: eu-west-1
          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
        - Region: us-east-1
          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
`,
    },
    {
      name: 'JSON long form: both Fn::If branches enable recovery',
      code: `{
  "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111122223333"]}},
  "Resources": {
    "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {
      "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": {"Fn::If": ["Prod", true, "true"]}}
    }}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'table without the setting: reported at the resource key',
      code: `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
${TABLE_PROPS}`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9, message: 'DynamoDB table Orders does not enable', resource: 'Orders' }],
    },
    {
      name: 'explicitly disabled, and an Fn::If with a false branch',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  A:
    Type: AWS::DynamoDB::Table
    Properties:
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: false
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !If [Dev, false, true]
`,
      errors: [
        { line: 8, column: 37, endLine: 8, endColumn: 42, message: 'disabled on DynamoDB table A' },
        { line: 13, column: 47, endLine: 13, endColumn: 52, message: 'disabled on DynamoDB table B' },
      ],
    },
    {
      name: 'Ref to a parameter whose Default is false, and AWS::NoValue removing the specification',
      code: `Parameters:
  Pitr:
    Type: String
    Default: "false"
Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  A:
    Type: AWS::DynamoDB::Table
    Properties:
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !Ref Pitr
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      PointInTimeRecoverySpecification: !If [Dev, !Ref AWS::NoValue, {PointInTimeRecoveryEnabled: true}]
`,
      errors: [
        { line: 12, column: 37, endLine: 12, endColumn: 46 },
        { line: 16, column: 51, endLine: 16, endColumn: 68 },
      ],
    },
    {
      name: 'global table: a replica without recovery is reported at its Region, a disabled one at the value',
      code: `Resources:
  Global:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
${TABLE_PROPS}      Replicas:
        - Region: eu-west-1
          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
        - Region: us-east-1
        - Region: ap-southeast-2
          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: false}
`,
      errors: [
        { line: 11, column: 19, endLine: 11, endColumn: 28, message: 'Replica us-east-1 of DynamoDB global table Global' },
        { line: 13, column: 74, endLine: 13, endColumn: 79, message: 'replica ap-southeast-2' },
      ],
    },
    {
      name: 'JSON table without the setting',
      code: `{
  "Resources": {
    "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST"}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 12 }],
    },
  ],
});
