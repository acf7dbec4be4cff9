import { s3BucketPublicAcl } from '../../src/rules/s3/aws-s3-bucket-public-acl';
import { testRule } from '../rule-tester';

testRule(s3BucketPublicAcl, {
  valid: [
    {
      name: 'Private ACL',
      code: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private
`,
    },
    {
      name: 'no AccessControl at all (ACLs disabled by default)',
      code: `Resources:
  Site:
    Type: AWS::S3::Bucket
`,
    },
    {
      name: 'public ACL neutralised by IgnorePublicAcls true',
      code: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
      PublicAccessBlockConfiguration:
        IgnorePublicAcls: "true"
`,
    },
    {
      name: 'ACL from a parameter without default cannot be known',
      code: `Parameters:
  Acl:
    Type: String
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
`,
    },
    {
      name: 'ACL from an import cannot be known',
      code: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !ImportValue shared-acl
`,
    },
    {
      name: 'Fn::If between AWS::NoValue and Private',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [Dev, !Ref AWS::NoValue, Private]
`,
    },
    {
      name: 'JSON log delivery ACL',
      code: `{
  "Resources": {
    "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "LogDeliveryWrite"}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'PublicRead reported at the value',
      code: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
`,
      errors: [{ line: 5, column: 22, endLine: 5, endColumn: 32, message: 'AccessControl PublicRead', resource: 'Site' }],
    },
    {
      name: 'IgnorePublicAcls false does not neutralise the ACL',
      code: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: AuthenticatedRead
      PublicAccessBlockConfiguration:
        IgnorePublicAcls: false
`,
      errors: [{ line: 5, column: 22, endLine: 5, endColumn: 39, message: 'any AWS account' }],
    },
    {
      name: 'one Fn::If branch is public',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [Dev, PublicReadWrite, Private]
`,
      errors: [{ line: 7, column: 32, endLine: 7, endColumn: 47, message: 'PublicReadWrite' }],
    },
    {
      name: 'IgnorePublicAcls true only in one branch: still reported',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
      PublicAccessBlockConfiguration:
        IgnorePublicAcls: !If [Dev, false, true]
`,
      errors: [{ line: 7, column: 22, endLine: 7, endColumn: 32 }],
    },
    {
      name: 'parameter default PublicRead reported at the Ref',
      code: `Parameters:
  Acl:
    Type: String
    Default: PublicRead
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
`,
      errors: [{ line: 9, column: 22, endLine: 9, endColumn: 30 }],
    },
    {
      name: 'JSON PublicReadWrite',
      code: `{
  "Resources": {
    "Site": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicReadWrite"}}
  }
}`,
      errors: [{ line: 3, column: 73, endLine: 3, endColumn: 90, message: 'list and write' }],
    },
    {
      name: 'JSON long-form Fn::If with a public branch',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Site": {
      "Type": "AWS::S3::Bucket",
      "Properties": {"AccessControl": {"Fn::If": ["Dev", "Private", "AuthenticatedRead"]}}
    }
  }
}`,
      errors: [{ line: 6, column: 69, endLine: 6, endColumn: 88 }],
    },
  ],
});
