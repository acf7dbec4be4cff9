import { asString, type Outcome } from '../../model/evaluate';
import { requireTrue } from '../common/properties';
import type { ResourceCheckContext, Rule } from '../rule';

/** Every way the property can evaluate is absent or one of `allowed` (an unknown value does not count). */
function alwaysOneOf(ctx: ResourceCheckContext, path: string, allowed: string): boolean {
  return ctx.property(path).every((o: Outcome) => o.kind === 'absent' || (o.kind === 'value' && asString(o) === allowed));
}

/**
 * Automatic rotation exists only for symmetric encryption keys whose key material KMS generated:
 * asymmetric keys, HMAC keys and keys with imported material (`Origin: EXTERNAL`) cannot rotate.
 */
function canRotate(ctx: ResourceCheckContext): boolean {
  return (
    alwaysOneOf(ctx, 'KeySpec', 'SYMMETRIC_DEFAULT') &&
    alwaysOneOf(ctx, 'KeyUsage', 'ENCRYPT_DECRYPT') &&
    alwaysOneOf(ctx, 'Origin', 'AWS_KMS')
  );
}

export const kmsKeyRotation: Rule = {
  meta: {
    id: 'aws-kms-key-rotation',
    title: 'Symmetric KMS keys should have automatic rotation enabled',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::KMS::Key'],
    docs: {
      description:
        'The customer managed symmetric encryption key does not set `EnableKeyRotation: true` (rotation is off by default). ' +
        'With rotation, KMS creates new key material every year (or every `RotationPeriodInDays`) while keeping the old ' +
        'material to decrypt existing data, transparently for callers. Asymmetric keys (`KeySpec` other than ' +
        '`SYMMETRIC_DEFAULT`), HMAC keys (`KeyUsage: GENERATE_VERIFY_MAC`) and keys with imported material ' +
        '(`Origin: EXTERNAL`) do not support automatic rotation and are not reported.',
      impact:
        'The same key material protects data indefinitely, so a compromise of it exposes everything ever encrypted under the ' +
        'key, and policies that require periodic rotation (CIS, PCI DSS) are not met.',
      remediation: 'Set `EnableKeyRotation: true`, and optionally `RotationPeriodInDays` (90 to 2560 days, default 365).',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_7' },
      { tool: 'kics', id: '235ca980-eb71-48f4-9030-df0c371029eb' },
      { tool: 'kics', id: '1c07bfaf-663c-4f6f-b22b-8e2d481e4df5' },
      { tool: 'cfn_nag', id: 'F19' },
      {
        tool: 'aws-docs',
        id: 'AWS::KMS::Key EnableKeyRotation',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-enablekeyrotation',
      },
      {
        tool: 'aws-docs',
        id: 'Rotating AWS KMS keys',
        url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::KMS::Key'],
    check(ctx) {
      if (!canRotate(ctx)) return;
      const id = ctx.resource.logicalId;
      requireTrue(ctx, 'EnableKeyRotation', {
        missing: `KMS key ${id} does not enable automatic rotation: set EnableKeyRotation to true.`,
        disabled: `KMS key ${id} has EnableKeyRotation false: set it to true to rotate the key material automatically.`,
      }, { title: 'Set EnableKeyRotation to true', kind: 'safe' });
    },
  },
};
