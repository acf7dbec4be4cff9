import { asBoolean, resolveItems } from '../../model/evaluate';
import { valueOf } from '../../model/nodes';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

export const dynamodbPitr: Rule = {
  meta: {
    id: 'aws-dynamodb-pitr',
    title: 'DynamoDB tables should enable point-in-time recovery',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    docs: {
      description:
        'The table does not set `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true` (for an ' +
        '`AWS::DynamoDB::GlobalTable`, the setting of each entry of `Replicas`). Point-in-time recovery is off by default; ' +
        'without it, DynamoDB keeps no continuous backups of the table.',
      impact:
        'Items deleted or overwritten by a faulty deployment, an application bug or a compromised credential cannot be ' +
        'restored to a moment before the damage; only on-demand backups taken in advance can help.',
      remediation:
        'Add `PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}` to the table (to every replica of a global ' +
        'table). Restores can then target any second of the recovery period (35 days by default, configurable with ' +
        '`RecoveryPeriodInDays`).',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_28' },
      { tool: 'checkov', id: 'CKV_AWS_165' },
      { tool: 'kics', id: '0f04217d-488f-4e7a-bec8-f16159686cd6' },
      { tool: 'cfn_nag', id: 'W78' },
      {
        tool: 'aws-docs',
        id: 'AWS::DynamoDB::Table PointInTimeRecoverySpecification',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-pointintimerecoveryspecification.html',
      },
      {
        tool: 'aws-docs',
        id: 'AWS::DynamoDB::GlobalTable ReplicaSpecification',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-replicaspecification.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      const setting = 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled';
      if (ctx.resource.type === 'AWS::DynamoDB::Table') {
        for (const o of ctx.property(setting)) {
          if (o.kind === 'absent') {
            ctx.reportMissing(
              `DynamoDB table ${id} does not enable point-in-time recovery: set ${setting} to true.`,
              o,
              insertMissing(ctx.resource, setting, o, true, 'Enable point-in-time recovery'),
            );
          } else if (asBoolean(o) === false) {
            ctx.report(
              o.node,
              `Point-in-time recovery is disabled on DynamoDB table ${id}: set PointInTimeRecoveryEnabled to true.`,
              replaceValue(o.node, true, 'Set PointInTimeRecoveryEnabled to true'),
            );
          }
        }
        return;
      }
      // Global tables: the setting is per replica.
      for (const replicas of ctx.property('Replicas')) {
        for (const replica of resolveItems(replicas, ctx.template)) {
          if (replica.kind !== 'value' || replica.data.kind !== 'map') continue;
          const region = valueOf(replica.data, 'Region');
          const name = region && region.kind === 'scalar' ? ` ${String(region.value)}` : '';
          for (const o of ctx.path(replica.data, setting)) {
            if (o.kind === 'absent') {
              const message = `Replica${name} of DynamoDB global table ${id} does not enable point-in-time recovery: set ${setting} to true.`;
              if (o.node) ctx.report(o.node, message);
              else if (region) ctx.report(region, message);
              else ctx.reportMissing(message);
            } else if (asBoolean(o) === false) {
              ctx.report(o.node, `Point-in-time recovery is disabled on replica${name} of DynamoDB global table ${id}: set PointInTimeRecoveryEnabled to true.`);
            }
          }
        }
      }
    },
  },
};
