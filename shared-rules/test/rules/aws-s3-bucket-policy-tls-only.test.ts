import { s3BucketPolicyTlsOnly } from '../../src/rules/s3/aws-s3-bucket-policy-tls-only';
import { testRule } from '../rule-tester';

testRule(s3BucketPolicyTlsOnly, {
  valid: [
    {
      name: 'deny statement on aws:SecureTransport "false"',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: "arn:aws:iam::111122223333:root"}
            Action: s3:GetObject
            Resource: !Sub "\${Data.Arn}/*"
          - Sid: TlsOnly
            Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Data.Arn, !Sub "\${Data.Arn}/*"]
            Condition:
              Bool:
                aws:SecureTransport: "false"
`,
    },
    {
      name: 'a single statement mapping, with the value from a parameter default',
      code: `Parameters:
  Secure:
    Type: String
    Default: "false"
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          Effect: Deny
          Principal: "*"
          Action: s3:*
          Resource: "*"
          Condition: {Bool: {aws:SecureTransport: !Ref Secure}}
`,
    },
    {
      name: 'document, statement list item or condition value that cannot be known',
      code: `Parameters:
  Secure:
    Type: String
Resources:
  FromImport:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument: !ImportValue shared-policy
  ImportedStatement:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - !ImportValue shared-statement
          - Effect: Allow
            Principal: {AWS: "arn:aws:iam::111122223333:root"}
            Action: s3:GetObject
            Resource: "*"
  FromParameter:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: "*"
            Condition: {Bool: {aws:SecureTransport: !Ref Secure}}
`,
    },
    {
      name: 'JSON boolean false in a list, condition key in lower case, BoolIfExists',
      code: `{
  "Resources": {
    "Policy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": {"Ref": "Data"},
        "PolicyDocument": {"Statement": [
          {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
           "Condition": {"BoolIfExists": {"aws:securetransport": [false]}}}
        ]}
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no deny statement: reported at the resource key',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: cloudfront.amazonaws.com}
            Action: s3:GetObject
            Resource: !Sub "\${Data.Arn}/*"
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9, message: 'does not deny insecure transport', resource: 'Policy' }],
    },
    {
      name: 'an Allow on aws:SecureTransport true and a Deny on true do not deny plain HTTP',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: "*"
            Condition: {Bool: {aws:SecureTransport: true}}
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: "*"
            Condition: {Bool: {aws:SecureTransport: "true"}}
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9 }],
    },
    {
      name: 'the deny statement is removed by AWS::NoValue in one Fn::If branch',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - !If
            - Dev
            - !Ref AWS::NoValue
            - Effect: Deny
              Principal: "*"
              Action: s3:*
              Resource: "*"
              Condition: {Bool: {aws:SecureTransport: false}}
`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 9 }],
    },
    {
      name: 'parameter default "true" for the condition value',
      code: `Parameters:
  Secure:
    Type: String
    Default: "true"
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: "*"
            Condition: {Bool: {aws:SecureTransport: !Ref Secure}}
`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 9 }],
    },
    {
      name: 'JSON long-form Fn::If choosing a statement list without the deny',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Policy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": {"Ref": "Data"},
        "PolicyDocument": {"Statement": {"Fn::If": ["Dev",
          [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}],
          [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]
        ]}}
      }
    }
  }
}`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 13 }],
    },
    {
      name: 'JSON Allow statement on aws:SecureTransport false is not a deny',
      code: `{
  "Resources": {
    "Policy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": "data",
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
          "Condition": {"Bool": {"aws:SecureTransport": false}}}]}
      }
    }
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 13 }],
    },
  ],
});
