import { cloudfrontViewerHttps } from '../../src/rules/misc/aws-cloudfront-viewer-https';
import { testRule } from '../rule-tester';

testRule(cloudfrontViewerHttps, {
  valid: [
    {
      name: 'redirect-to-https and https-only behaviors',
      code: `Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https
        CacheBehaviors:
          - PathPattern: /api/*
            TargetOriginId: api
            ViewerProtocolPolicy: https-only
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Policy:
    Type: String
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: !Ref Policy
`,
    },
    {
      name: 'a parameter whose Default is redirect-to-https',
      code: `Parameters:
  Policy:
    Type: String
    Default: redirect-to-https
    AllowedValues: [redirect-to-https, allow-all, https-only]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: !Ref Policy
`,
    },
    {
      name: 'CacheBehaviors removed with AWS::NoValue',
      code: `Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: https-only}
        CacheBehaviors: !Ref AWS::NoValue
`,
    },
    {
      name: 'JSON: https-only',
      code: `{
  "Resources": {
    "Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "DefaultCacheBehavior": {"TargetOriginId": "s", "ViewerProtocolPolicy": "https-only"}}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'default cache behavior allows HTTP',
      code: `Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: allow-all
`,
      errors: [{ line: 9, column: 33, endLine: 9, endColumn: 42, message: 'The default cache behavior of distribution Cdn', resource: 'Cdn' }],
    },
    {
      name: 'one of the cache behaviors allows HTTP',
      code: `Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https}
        CacheBehaviors:
          - PathPattern: /static/*
            TargetOriginId: assets
            ViewerProtocolPolicy: https-only
          - PathPattern: /legacy/*
            TargetOriginId: legacy
            ViewerProtocolPolicy: allow-all
`,
      errors: [{ line: 14, column: 35, endLine: 14, endColumn: 44, message: 'The cache behavior for /legacy/*' }],
    },
    {
      name: 'a parameter whose Default is allow-all: reported at the Ref',
      code: `Parameters:
  Policy:
    Type: String
    Default: allow-all
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: !Ref Policy
`,
      errors: [{ line: 13, column: 33, endLine: 13, endColumn: 44 }],
    },
    {
      name: 'one Fn::If branch allows HTTP',
      code: `Conditions:
  Legacy: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: !If [Legacy, allow-all, redirect-to-https]
`,
      errors: [{ line: 11, column: 46, endLine: 11, endColumn: 55 }],
    },
    {
      name: 'JSON: long-form Fn::If in a cache behavior and the default behavior',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Cdn": {
      "Type": "AWS::CloudFront::Distribution",
      "Properties": {
        "DistributionConfig": {
          "Enabled": true,
          "DefaultCacheBehavior": {"TargetOriginId": "s", "ViewerProtocolPolicy": "allow-all"},
          "CacheBehaviors": [{"PathPattern": "/a/*", "TargetOriginId": "s", "ViewerProtocolPolicy": {"Fn::If": ["C", "https-only", "allow-all"]}}]
        }
      }
    }
  }
}`,
      errors: [
        { line: 9, column: 83, endLine: 9, endColumn: 94, message: 'The default cache behavior' },
        { line: 10, column: 132, endLine: 10, endColumn: 143, message: 'The cache behavior for /a/*' },
      ],
    },
  ],
});
