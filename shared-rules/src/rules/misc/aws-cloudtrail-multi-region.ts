import { requireTrue } from '../common/properties';
import type { Rule } from '../rule';

export const cloudtrailMultiRegion: Rule = {
  meta: {
    id: 'aws-cloudtrail-multi-region',
    title: 'CloudTrail trails should record events in all Regions',
    severity: 'info',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    docs: {
      description:
        'The trail does not set `IsMultiRegionTrail: true`, so it only records activity in the Region where the stack is ' +
        'deployed (single-Region is the default). Reported as information: a single-Region trail is fine for a narrow purpose, ' +
        'such as data events of one bucket, when another trail already covers every Region, which the template cannot show.',
      impact:
        'Activity in other Regions, including Regions nobody uses where an attacker may start instances or create resources, ' +
        'is not recorded by this trail, and Regions enabled later are not covered automatically.',
      remediation:
        'Set `IsMultiRegionTrail: true` (with `IncludeGlobalServiceEvents: true`) on the account\'s main trail, or use an ' +
        'organization trail that covers all accounts and Regions.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_67' },
      { tool: 'kics', id: '058ac855-989f-4378-ba4d-52d004020da7' },
      {
        tool: 'aws-docs',
        id: 'AWS::CloudTrail::Trail IsMultiRegionTrail',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-ismultiregiontrail',
      },
      {
        tool: 'aws-docs',
        id: 'Receiving CloudTrail log files from multiple Regions',
        url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::CloudTrail::Trail'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      requireTrue(ctx, 'IsMultiRegionTrail', {
        missing: `Trail ${id} records only its own Region: set IsMultiRegionTrail to true unless another trail covers all Regions.`,
        disabled: `Trail ${id} has IsMultiRegionTrail false: set it to true unless another trail covers all Regions.`,
      }, { title: 'Set IsMultiRegionTrail to true', kind: 'safe' });
    },
  },
};
