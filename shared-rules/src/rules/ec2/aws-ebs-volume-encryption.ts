import { asBoolean, resolveItems, type Outcome } from '../../model/evaluate';
import type { ResourceCheckContext, Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

/** Encrypting an existing volume replaces it: offered, never applied in bulk. */
const REPLACES_TITLE = 'Set Encrypted to true (replaces an existing volume)';

const BLOCK_DEVICE_PATHS: Record<string, string> = {
  'AWS::EC2::Instance': 'BlockDeviceMappings',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateData.BlockDeviceMappings',
  'AWS::AutoScaling::LaunchConfiguration': 'BlockDeviceMappings',
};

const RESOURCE_TYPES = ['AWS::EC2::Volume', ...Object.keys(BLOCK_DEVICE_PATHS), 'AWS::EC2::SpotFleet'];

/** Reports `Ebs.Encrypted: false` in each block device mapping of a list (absent is left to the account default). */
function checkMappings(ctx: ResourceCheckContext, lists: Outcome[], where: string): void {
  for (const list of lists) {
    for (const mapping of resolveItems(list, ctx.template)) {
      if (mapping.kind !== 'value' || mapping.data.kind !== 'map') continue;
      for (const o of ctx.path(mapping.data, 'Ebs.Encrypted')) {
        if (o.kind === 'value' && asBoolean(o) === false) {
          ctx.report(o.node, `${where} of ${ctx.resource.logicalId} sets Ebs.Encrypted to false: set it to true (optionally with a KmsKeyId).`);
        }
      }
    }
  }
}

export const ebsVolumeEncryption: Rule = {
  meta: {
    id: 'aws-ebs-volume-encryption',
    title: 'EBS volumes should be encrypted',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: RESOURCE_TYPES,
    docs: {
      description:
        'An `AWS::EC2::Volume` does not set `Encrypted: true` (the property is missing or false), or a block device mapping of an ' +
        '`AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.BlockDeviceMappings`), `AWS::AutoScaling::LaunchConfiguration` ' +
        'or `AWS::EC2::SpotFleet` launch specification explicitly sets `Ebs.Encrypted: false`. In block device mappings a missing ' +
        '`Encrypted` is not reported: the volume then follows the AMI snapshot and the account\'s "EBS encryption by default" setting for ' +
        'the region, which the template cannot see, and mappings are often written only to resize the root volume. A standalone volume ' +
        'created from a `SnapshotId` without `Encrypted` is not reported either, because it takes the encryption state of its snapshot. ' +
        'An explicit `false` is always reported: it states the intent to store data unencrypted, even if account-level default ' +
        'encryption may still override it.',
      impact:
        'Unencrypted volumes and their snapshots hold data in clear: a snapshot shared by mistake, copied to another account or region, or ' +
        'read through an over-broad IAM permission exposes everything on the disk, and compliance regimes that require encryption at rest fail.',
      remediation:
        'Set `Encrypted: true` on the volume or the `Ebs` block of the mapping, preferably with `KmsKeyId` naming a customer-managed KMS key, ' +
        'and enable EBS encryption by default in every region of the account as a safety net.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_3' },
      { tool: 'checkov', id: 'CKV_AWS_8' },
      { tool: 'kics', id: '80b7ac3f-d2b7-4577-9b10-df7913497162' },
      { tool: 'cfn_nag', id: 'F1' },
      {
        tool: 'aws-docs',
        id: 'AWS::EC2::Volume Encrypted',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-volume.html',
      },
      {
        tool: 'aws-docs',
        id: 'Amazon EBS encryption by default',
        url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: RESOURCE_TYPES,
    check(ctx) {
      const type = ctx.resource.type ?? '';
      if (type === 'AWS::EC2::Volume') {
        const fromSnapshot = ctx.property('SnapshotId').some((o) => o.kind !== 'absent');
        for (const o of ctx.property('Encrypted')) {
          if (o.kind === 'absent') {
            if (!fromSnapshot) {
              ctx.reportMissing(
                `Volume ${ctx.resource.logicalId} does not set Encrypted: set Encrypted to true (optionally with a KmsKeyId).`,
                o,
                insertMissing(ctx.resource, 'Encrypted', o, true, REPLACES_TITLE, 'suggestion'),
              );
            }
          } else if (o.kind === 'value' && asBoolean(o) === false) {
            ctx.report(
              o.node,
              `Volume ${ctx.resource.logicalId} sets Encrypted to false: set it to true (optionally with a KmsKeyId).`,
              replaceValue(o.node, true, REPLACES_TITLE, 'suggestion'),
            );
          }
        }
        return;
      }
      if (type === 'AWS::EC2::SpotFleet') {
        for (const specs of ctx.property('SpotFleetRequestConfigData.LaunchSpecifications')) {
          for (const spec of resolveItems(specs, ctx.template)) {
            if (spec.kind !== 'value' || spec.data.kind !== 'map') continue;
            checkMappings(ctx, ctx.path(spec.data, 'BlockDeviceMappings'), 'A launch specification block device mapping');
          }
        }
        return;
      }
      const path = BLOCK_DEVICE_PATHS[type];
      if (path) checkMappings(ctx, ctx.property(path), 'A block device mapping');
    },
  },
};
