import { asNumber, asString, type Outcome } from '../../model/evaluate';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

const MINIMUM_DAYS = 7;

function isSet(o: Outcome): boolean {
  return o.kind === 'unknown' || (o.kind === 'value' && asString(o) !== '');
}

export const rdsBackupRetention: Rule = {
  meta: {
    id: 'aws-rds-backup-retention',
    title: 'RDS automated backups should be kept for at least 7 days',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    docs: {
      description:
        '`BackupRetentionPeriod` is set below 7 days; `0` turns automated backups and point-in-time recovery off for a DB ' +
        'instance. Only an explicit value is reported: when the property is absent AWS applies its default of 1 day, which is ' +
        'short but at least keeps backups on. Instances that belong to an Aurora cluster (`DBClusterIdentifier`, where the ' +
        'cluster\'s retention applies) and read replicas (`SourceDBInstanceIdentifier`, whose source holds the backups) are not ' +
        'reported.',
      impact:
        'With a short window, corruption, a bad migration or a destructive action discovered after a few days (a common case ' +
        'for ransomware or a slow data bug) can no longer be rolled back; with 0 there is no point-in-time recovery at all.',
      remediation:
        'Set `BackupRetentionPeriod` to 7 or more (up to 35), and use AWS Backup or manual snapshots for longer retention.',
    },
    references: [
      { tool: 'kics', id: 'e649a218-d099-4550-86a4-1231e1fcb60d' },
      { tool: 'kics', id: '8c415f6f-7b90-4a27-a44a-51047e1506f9' },
      {
        tool: 'aws-docs',
        id: 'AWS::RDS::DBInstance BackupRetentionPeriod',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-backupretentionperiod',
      },
      {
        tool: 'aws-docs',
        id: 'AWS::RDS::DBCluster BackupRetentionPeriod',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html#cfn-rds-dbcluster-backupretentionperiod',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    check(ctx) {
      const isCluster = ctx.resource.type === 'AWS::RDS::DBCluster';
      if (!isCluster && ['DBClusterIdentifier', 'SourceDBInstanceIdentifier'].some((p) => ctx.property(p).some(isSet))) return;
      const kind = isCluster ? 'DB cluster' : 'DB instance';
      const id = ctx.resource.logicalId;
      for (const o of ctx.property('BackupRetentionPeriod')) {
        if (o.kind !== 'value') continue;
        const days = asNumber(o);
        if (days === undefined || days < 0 || days >= MINIMUM_DAYS) continue;
        ctx.report(
          o.node,
          days === 0
            ? `${kind} ${id} has BackupRetentionPeriod 0, which disables automated backups: set it to at least ${MINIMUM_DAYS} days.`
            : `${kind} ${id} keeps automated backups for only ${days} day(s): set BackupRetentionPeriod to at least ${MINIMUM_DAYS}.`,
          replaceValue(o.node, MINIMUM_DAYS, `Set BackupRetentionPeriod to ${MINIMUM_DAYS}`),
        );
      }
    },
  },
};
