import { requireTrue } from '../common/properties';
import type { Rule } from '../rule';

export const cloudtrailLogValidation: Rule = {
  meta: {
    id: 'aws-cloudtrail-log-validation',
    title: 'CloudTrail trails should enable log file integrity validation',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    docs: {
      description:
        'The trail does not set `EnableLogFileValidation: true` (it is off by default). With validation on, CloudTrail writes ' +
        'an hourly digest file, chained and signed, that lets you prove whether log files were changed, deleted or left ' +
        'untouched after delivery.',
      impact:
        'An intruder who gains write access to the log bucket can remove or edit the records of their activity, and ' +
        'investigators have no way to detect it or to show that the logs they rely on are complete.',
      remediation:
        'Set `EnableLogFileValidation: true`, and check logs with `aws cloudtrail validate-logs` when investigating.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_36' },
      { tool: 'kics', id: '2a3560fe-52ca-4443-b34f-bf0ed5eb74c8' },
      {
        tool: 'aws-docs',
        id: 'AWS::CloudTrail::Trail EnableLogFileValidation',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-enablelogfilevalidation',
      },
      {
        tool: 'aws-docs',
        id: 'Validating CloudTrail log file integrity',
        url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::CloudTrail::Trail'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      requireTrue(ctx, 'EnableLogFileValidation', {
        missing: `Trail ${id} does not enable log file validation: set EnableLogFileValidation to true.`,
        disabled: `Trail ${id} has EnableLogFileValidation false: set it to true so that tampering with log files can be detected.`,
      }, { title: 'Set EnableLogFileValidation to true', kind: 'safe' });
    },
  },
};
