import { asString, resolveItems } from '../../model/evaluate';
import type { MapNode } from '../../model/nodes';
import type { ResourceCheckContext, Rule } from '../rule';

const V2_LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const CLASSIC_LOAD_BALANCER = 'AWS::ElasticLoadBalancing::LoadBalancer';

/**
 * A default action that can serve the request over plain HTTP: anything but a redirect whose
 * `RedirectConfig.Protocol` is known to be HTTPS (absent means `#{protocol}`, i.e. HTTP again).
 * Only known values count: an action whose type or redirect protocol cannot be known is not insecure.
 */
function servesPlainHttp(ctx: ResourceCheckContext, action: MapNode): boolean {
  for (const type of ctx.path(action, 'Type')) {
    const name = asString(type);
    if (name === undefined) continue;
    if (name.toLowerCase() !== 'redirect') return true;
    for (const protocol of ctx.path(action, 'RedirectConfig.Protocol')) {
      if (protocol.kind === 'absent') return true;
      const value = asString(protocol);
      if (value !== undefined && value.toUpperCase() !== 'HTTPS') return true;
    }
  }
  return false;
}

function checkListener(ctx: ResourceCheckContext): void {
  const httpProtocols = ctx.property('Protocol').filter((o) => asString(o)?.toUpperCase() === 'HTTP');
  if (httpProtocols.length === 0) return;
  let insecure = false;
  for (const actions of ctx.property('DefaultActions')) {
    for (const action of resolveItems(actions, ctx.template)) {
      if (action.kind === 'value' && action.data.kind === 'map' && servesPlainHttp(ctx, action.data)) insecure = true;
    }
  }
  if (!insecure) return;
  for (const o of httpProtocols) {
    if (o.kind !== 'value') continue;
    ctx.report(
      o.node,
      `Listener ${ctx.resource.logicalId} serves plain HTTP: use Protocol HTTPS with a certificate, or make every default action a redirect with Protocol HTTPS.`,
    );
  }
}

function checkClassicLoadBalancer(ctx: ResourceCheckContext): void {
  for (const listeners of ctx.property('Listeners')) {
    for (const listener of resolveItems(listeners, ctx.template)) {
      if (listener.kind !== 'value' || listener.data.kind !== 'map') continue;
      for (const o of ctx.path(listener.data, 'Protocol')) {
        if (o.kind === 'value' && asString(o)?.toUpperCase() === 'HTTP') {
          ctx.report(
            o.node,
            `Classic load balancer ${ctx.resource.logicalId} has a listener with Protocol HTTP: use HTTPS with an SSL certificate.`,
          );
        }
      }
    }
  }
}

export const elbListenerHttp: Rule = {
  meta: {
    id: 'aws-elb-listener-http',
    title: 'Load balancer listeners should not serve plain HTTP',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: [V2_LISTENER, CLASSIC_LOAD_BALANCER],
    docs: {
      description:
        'An Application Load Balancer listener uses `Protocol: HTTP` and at least one of its `DefaultActions` is not a redirect ' +
        'to HTTPS (a `redirect` action with `RedirectConfig.Protocol: HTTPS`), or a Classic Load Balancer has a listener with ' +
        '`Protocol: HTTP`. An HTTP listener whose default actions all redirect to HTTPS is the usual secure pattern and is not ' +
        'reported; a redirect without `Protocol` keeps the original scheme (`#{protocol}`) and does not count.',
      impact:
        'Requests and responses, including session cookies, credentials and personal data, travel unencrypted between clients ' +
        'and the load balancer, where they can be read or modified by anyone on the network path.',
      remediation:
        'Serve the application on an HTTPS listener with an ACM certificate and a current `SslPolicy`; keep the HTTP listener ' +
        'only with a default action of type `redirect` whose `RedirectConfig` has `Protocol: HTTPS`, `Port: 443` and ' +
        '`StatusCode: HTTP_301`. For a Classic Load Balancer use `Protocol: HTTPS` with `SSLCertificateId`.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_2' },
      { tool: 'kics', id: '275a3217-ca37-40c1-a6cf-bb57d245ab32' },
      { tool: 'kics', id: '80908a75-586b-4c61-ab04-490f4f4525b8' },
      { tool: 'cfn_nag', id: 'W56' },
      {
        tool: 'aws-docs',
        id: 'AWS::ElasticLoadBalancingV2::Listener',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html',
      },
      {
        tool: 'aws-docs',
        id: 'AWS::ElasticLoadBalancingV2::Listener RedirectConfig',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-elasticloadbalancingv2-listener-redirectconfig.html',
      },
      {
        tool: 'aws-docs',
        id: 'AWS::ElasticLoadBalancing::LoadBalancer Listeners',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-elb-listener.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: [V2_LISTENER, CLASSIC_LOAD_BALANCER],
    check(ctx) {
      if (ctx.resource.type === CLASSIC_LOAD_BALANCER) checkClassicLoadBalancer(ctx);
      else checkListener(ctx);
    },
  },
};
