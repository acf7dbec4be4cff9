import { s3BucketPolicyPublicPrincipal } from '../../src/rules/s3/aws-s3-bucket-policy-public-principal';
import { testRule } from '../rule-tester';

testRule(s3BucketPolicyPublicPrincipal, {
  valid: [
    {
      name: 'named account principal',
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
`,
    },
    {
      name: 'wildcard principal narrowed by a VPC endpoint condition, and a Deny with wildcard',
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
            Resource: !Sub "\${Data.Arn}/*"
            Condition:
              StringEquals:
                aws:SourceVpce: vpce-1a2b3c4d
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: !Sub "\${Data.Arn}/*"
`,
    },
    {
      name: 'principal from a parameter without default, condition from an import: unknown',
      code: `Parameters:
  Reader:
    Type: String
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Ref Reader}
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
            Condition: !ImportValue shared-condition
`,
    },
    {
      name: 'policy document from an import cannot be known',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument: !ImportValue shared-policy
`,
    },
    {
      name: 'JSON CloudFront service principal with a source ARN condition',
      code: `{
  "Resources": {
    "Policy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": {"Ref": "Data"},
        "PolicyDocument": {"Statement": [{
          "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::data/*",
          "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}}
        }]}
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'Principal "*" without condition: reported at the "*"',
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
            Resource: !Sub "\${Data.Arn}/*"
`,
      errors: [{ line: 9, column: 24, endLine: 9, endColumn: 27, message: 'without a Condition', resource: 'Policy' }],
    },
    {
      name: 'AWS "*" in a list, with only a Referer condition',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS:
                - arn:aws:iam::111122223333:root
                - "*"
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
            Condition:
              StringLike:
                aws:Referer: ["https://www.example.com/*"]
`,
      errors: [{ line: 12, column: 19, endLine: 12, endColumn: 22, message: 'caller-supplied' }],
    },
    {
      name: 'principal from a parameter default "*" reported at the Ref',
      code: `Parameters:
  Reader:
    Type: String
    Default: "*"
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Ref Reader}
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
`,
      errors: [{ line: 13, column: 30, endLine: 13, endColumn: 41 }],
    },
    {
      name: 'Fn::If picks "*" in one branch; a condition removed by AWS::NoValue in another statement',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: !If [Dev, "*", {AWS: "arn:aws:iam::111122223333:root"}]
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: s3:ListBucket
            Resource: arn:aws:s3:::data
            Condition: !If [Dev, !Ref AWS::NoValue, {StringEquals: {aws:PrincipalOrgID: o-abc123}}]
`,
      errors: [
        { line: 11, column: 34, endLine: 11, endColumn: 37 },
        { line: 15, column: 30, endLine: 15, endColumn: 33 },
      ],
    },
    {
      name: 'JSON long-form AWS "*"',
      code: `{
  "Resources": {
    "Policy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": {"Ref": "Data"},
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}]}
      }
    }
  }
}`,
      errors: [{ line: 7, column: 83, endLine: 7, endColumn: 86 }],
    },
  ],
});
