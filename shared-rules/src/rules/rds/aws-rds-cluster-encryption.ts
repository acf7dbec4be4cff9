import { asString, type Outcome } from '../../model/evaluate';
import { requireTrue } from '../common/properties';
import type { ResourceCheckContext, Rule } from '../rule';

function isSet(o: Outcome): boolean {
  return o.kind === 'unknown' || (o.kind === 'value' && asString(o) !== '');
}

/**
 * A cluster restored from a snapshot (`SnapshotIdentifier`) or cloned / restored to a point in time
 * (`SourceDBClusterIdentifier`) is encrypted like its source: CloudFormation says not to set
 * `StorageEncrypted` then. Aurora Serverless v1 clusters (`EngineMode: serverless`) are always encrypted.
 */
function encryptionDecidedElsewhere(ctx: ResourceCheckContext): boolean {
  if (['SnapshotIdentifier', 'SourceDBClusterIdentifier'].some((p) => ctx.property(p).some(isSet))) return true;
  return ctx.property('EngineMode').some((o) => asString(o)?.toLowerCase() === 'serverless');
}

export const rdsClusterEncryption: Rule = {
  meta: {
    id: 'aws-rds-cluster-encryption',
    title: 'RDS DB clusters should encrypt their storage',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::RDS::DBCluster'],
    docs: {
      description:
        'The Aurora or Multi-AZ DB cluster does not set `StorageEncrypted: true`, and encryption cannot be switched on after ' +
        'creation. Through the API and CloudFormation clusters have been created unencrypted unless asked (the Aurora guide now ' +
        'says new Aurora clusters are encrypted with an AWS owned key by default, but a template that does not state it depends ' +
        'on when and where it is deployed, and gets no key you can audit or revoke). Clusters restored from a snapshot ' +
        '(`SnapshotIdentifier`) or cloned from another cluster (`SourceDBClusterIdentifier`) are not reported, because they ' +
        'keep the encryption of their source and ' +
        'CloudFormation says not to set the property then; Aurora Serverless v1 clusters (`EngineMode: serverless`) are always ' +
        'encrypted and are not reported either.',
      impact:
        'The cluster volume, its automated backups and snapshots are stored unencrypted; a leaked or shared snapshot exposes the ' +
        'data without any KMS permission check, and encryption-at-rest requirements are not met.',
      remediation:
        'Set `StorageEncrypted: true`, optionally with `KmsKeyId`. To encrypt an existing cluster, restore an encrypted copy of ' +
        'its snapshot into a new cluster.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_96' },
      { tool: 'kics', id: '65844ba3-03a1-40a8-b3dd-919f122e8c95' },
      { tool: 'cfn_nag', id: 'F26' },
      {
        tool: 'aws-docs',
        id: 'AWS::RDS::DBCluster StorageEncrypted',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html#cfn-rds-dbcluster-storageencrypted',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::RDS::DBCluster'],
    check(ctx) {
      if (encryptionDecidedElsewhere(ctx)) return;
      const id = ctx.resource.logicalId;
      requireTrue(ctx, 'StorageEncrypted', {
        missing: `DB cluster ${id} does not set StorageEncrypted: set it to true (it can only be chosen when the cluster is created).`,
        disabled: `DB cluster ${id} has StorageEncrypted false: set it to true to encrypt the cluster volume, backups and snapshots.`,
      }, { title: 'Set StorageEncrypted to true (replaces an existing cluster)', kind: 'suggestion' });
    },
  },
};
