import { entryOf } from '../../model/nodes';
import { isPublicPrincipal, statementsOf } from '../common/policy';
import type { Rule } from '../rule';
import { onceReporter } from './policy-documents';

export const iamRoleTrustOpenPrincipal: Rule = {
  meta: {
    id: 'aws-iam-role-trust-open-principal',
    title: 'IAM role trust policies should not let any principal assume the role',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::IAM::Role'],
    docs: {
      description:
        'The role\'s `AssumeRolePolicyDocument` has an Allow statement whose `Principal` is `"*"` or `{"AWS": "*"}` and that has ' +
        'no `Condition`. Any IAM user or role in any AWS account can then call `sts:AssumeRole` on it and receive its permissions.',
      impact:
        'Anyone who learns or guesses the role ARN, in any AWS account, obtains the role\'s credentials and everything its ' +
        'permission policies allow.',
      remediation:
        'Name the trusted principals explicitly (account ARNs, role ARNs or service principals such as `lambda.amazonaws.com`). ' +
        'If a wildcard principal is really needed, restrict it with a `Condition`, for example `aws:PrincipalOrgID` or ' +
        '`sts:ExternalId`.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_60' },
      {
        tool: 'aws-docs',
        id: 'AWS::IAM::Role AssumeRolePolicyDocument',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-assumerolepolicydocument',
      },
      {
        tool: 'aws-docs',
        id: 'IAM JSON policy elements: Principal',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::IAM::Role'],
    check(ctx) {
      const document = ctx.resource.properties && entryOf(ctx.resource.properties, 'AssumeRolePolicyDocument')?.value;
      if (!document) return;
      const report = onceReporter(ctx);
      for (const statement of statementsOf(ctx, document)) {
        if (statement.effect !== 'Allow' || statement.hasCondition) continue;
        for (const principal of statement.principals) {
          if (!isPublicPrincipal(principal)) continue;
          report(
            principal.node,
            `Trust policy of role ${ctx.resource.logicalId} lets any principal ("*") assume it without a Condition: name the trusted accounts, roles or services.`,
          );
        }
      }
    },
  },
};
