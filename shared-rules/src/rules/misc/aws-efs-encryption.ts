import { requireTrue } from '../common/properties';
import type { Rule } from '../rule';

export const efsEncryption: Rule = {
  meta: {
    id: 'aws-efs-encryption',
    title: 'EFS file systems should be encrypted at rest',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::EFS::FileSystem'],
    docs: {
      description:
        'The file system does not set `Encrypted: true`. Through CloudFormation and the API, EFS file systems are created ' +
        'unencrypted unless asked (only the console defaults to encryption), and encryption at rest cannot be turned on for an ' +
        'existing file system.',
      impact:
        'File data and metadata are stored without KMS encryption: access cannot be controlled or audited through a key ' +
        'policy, and requirements for encryption at rest are not met.',
      remediation:
        'Set `Encrypted: true`, optionally with `KmsKeyId` naming a customer managed key. To encrypt existing data, create an ' +
        'encrypted file system and copy the data (for example with AWS DataSync).',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_42' },
      { tool: 'kics', id: '2ff8e83c-90e1-4d68-a300-6d652112e622' },
      { tool: 'cfn_nag', id: 'F32' },
      {
        tool: 'aws-docs',
        id: 'AWS::EFS::FileSystem Encrypted',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-filesystem.html#cfn-efs-filesystem-encrypted',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::EFS::FileSystem'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      requireTrue(ctx, 'Encrypted', {
        missing: `EFS file system ${id} is not encrypted at rest: set Encrypted to true (it can only be chosen at creation).`,
        disabled: `EFS file system ${id} has Encrypted false: set it to true to encrypt data at rest.`,
      }, { title: 'Set Encrypted to true (replaces an existing file system)', kind: 'suggestion' });
    },
  },
};
