import { asString, resolveItems, type Outcome } from '../../model/evaluate';
import type { ResourceCheckContext, Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

function reportAllowAll(ctx: ResourceCheckContext, outcomes: Outcome[], behavior: string): void {
  for (const o of outcomes) {
    if (o.kind === 'value' && asString(o) === 'allow-all') {
      ctx.report(
        o.node,
        `${behavior} of distribution ${ctx.resource.logicalId} accepts HTTP viewers: set ViewerProtocolPolicy to redirect-to-https or https-only.`,
        replaceValue(o.node, 'redirect-to-https', 'Set ViewerProtocolPolicy to redirect-to-https'),
      );
    }
  }
}

export const cloudfrontViewerHttps: Rule = {
  meta: {
    id: 'aws-cloudfront-viewer-https',
    title: 'CloudFront cache behaviors should require HTTPS from viewers',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::CloudFront::Distribution'],
    docs: {
      description:
        'A cache behavior of the distribution (the `DefaultCacheBehavior` or an entry of `CacheBehaviors`) has ' +
        '`ViewerProtocolPolicy: allow-all`, so viewers may fetch that content over plain HTTP. `redirect-to-https` and ' +
        '`https-only` are secure; the property is required, so a behavior without it is an invalid template, not reported here.',
      impact:
        'Content and cookies exchanged over HTTP can be read and altered in transit (for example injected scripts or ' +
        'stolen session cookies on public networks), and browsers show the site as not secure.',
      remediation:
        'Set `ViewerProtocolPolicy: redirect-to-https` (or `https-only` for API clients) on every cache behavior, and consider ' +
        'HSTS through a response headers policy.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_34' },
      { tool: 'kics', id: '31733ee2-fef0-4e87-9778-65da22a8ecf1' },
      {
        tool: 'aws-docs',
        id: 'AWS::CloudFront::Distribution DefaultCacheBehavior ViewerProtocolPolicy',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-defaultcachebehavior.html#cfn-cloudfront-distribution-defaultcachebehavior-viewerprotocolpolicy',
      },
      {
        tool: 'aws-docs',
        id: 'Requiring HTTPS between viewers and CloudFront',
        url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::CloudFront::Distribution'],
    check(ctx) {
      reportAllowAll(ctx, ctx.property('DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy'), 'The default cache behavior');
      for (const list of ctx.property('DistributionConfig.CacheBehaviors')) {
        for (const behavior of resolveItems(list, ctx.template)) {
          if (behavior.kind !== 'value' || behavior.data.kind !== 'map') continue;
          const patterns = ctx.path(behavior.data, 'PathPattern').map(asString);
          const name = patterns.length === 1 && patterns[0] !== undefined ? `The cache behavior for ${patterns[0]}` : 'A cache behavior';
          reportAllowAll(ctx, ctx.path(behavior.data, 'ViewerProtocolPolicy'), name);
        }
      }
    },
  },
};
