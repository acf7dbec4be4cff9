import { asString, type Outcome } from '../../model/evaluate';
import { requireTrue } from '../common/properties';
import type { ResourceCheckContext, Rule } from '../rule';

/**
 * Properties that make the instance take its encryption from somewhere else, so that its own
 * `StorageEncrypted` is not the setting that counts (and must not be set):
 * - `DBClusterIdentifier`: an Aurora cluster member; the cluster's `StorageEncrypted` applies.
 * - `SourceDBInstanceIdentifier` / `SourceDBClusterIdentifier`: a read replica, encrypted like its source.
 * - `SourceDbiResourceId` / `SourceDBInstanceAutomatedBackupsArn`: a point-in-time restore, like its source.
 * - `DBSnapshotIdentifier` / `DBClusterSnapshotIdentifier`: a restore, encrypted like the snapshot.
 */
const INHERITING_PROPERTIES = [
  'DBClusterIdentifier',
  'SourceDBInstanceIdentifier',
  'SourceDBClusterIdentifier',
  'SourceDbiResourceId',
  'SourceDBInstanceAutomatedBackupsArn',
  'DBSnapshotIdentifier',
  'DBClusterSnapshotIdentifier',
];

/** Set to something (known or not); an empty string means "not set" for the snapshot identifiers. */
function isSet(o: Outcome): boolean {
  return o.kind === 'unknown' || (o.kind === 'value' && asString(o) !== '');
}

function inheritsEncryption(ctx: ResourceCheckContext): boolean {
  if (INHERITING_PROPERTIES.some((p) => ctx.property(p).some(isSet))) return true;
  // Aurora instances always belong to a cluster; without DBClusterIdentifier the template is invalid anyway.
  return ctx.property('Engine').some((o) => asString(o)?.toLowerCase().startsWith('aurora') === true);
}

export const rdsInstanceEncryption: Rule = {
  meta: {
    id: 'aws-rds-instance-encryption',
    title: 'RDS DB instances should encrypt their storage',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::RDS::DBInstance'],
    docs: {
      description:
        'The DB instance does not set `StorageEncrypted: true`. RDS creates unencrypted instances unless asked, and the choice ' +
        'is fixed at creation: an unencrypted instance can only be encrypted by copying a snapshot and restoring it to a new ' +
        'instance. Instances that belong to an Aurora cluster (`DBClusterIdentifier`), read replicas (`SourceDBInstanceIdentifier`, ' +
        '`SourceDBClusterIdentifier`), point-in-time and snapshot restores are not reported: their encryption is decided by the ' +
        'cluster, the source instance or the snapshot, and the property is documented as not to be set on them.',
      impact:
        'The database files, automated backups, snapshots and read replicas are stored unencrypted, so anyone who obtains a ' +
        'snapshot (for example one shared by mistake) reads the data without needing any KMS permission, and compliance ' +
        'requirements for encryption at rest are not met.',
      remediation:
        'Set `StorageEncrypted: true`, optionally with `KmsKeyId` naming a customer managed key. For an existing instance, ' +
        'take a snapshot, copy it with encryption enabled, and restore the copy to a new instance.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_16' },
      { tool: 'kics', id: '5beacce3-4020-4a3d-9e1d-a36f953df630' },
      { tool: 'cfn_nag', id: 'F27' },
      {
        tool: 'aws-docs',
        id: 'AWS::RDS::DBInstance StorageEncrypted',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-storageencrypted',
      },
      {
        tool: 'aws-docs',
        id: 'Encrypting Amazon RDS resources',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::RDS::DBInstance'],
    check(ctx) {
      if (inheritsEncryption(ctx)) return;
      const id = ctx.resource.logicalId;
      requireTrue(ctx, 'StorageEncrypted', {
        missing: `DB instance ${id} does not set StorageEncrypted: set it to true (it can only be chosen when the instance is created).`,
        disabled: `DB instance ${id} has StorageEncrypted false: set it to true to encrypt the database, its backups and snapshots.`,
      }, { title: 'Set StorageEncrypted to true (replaces an existing instance)', kind: 'suggestion' });
    },
  },
};
