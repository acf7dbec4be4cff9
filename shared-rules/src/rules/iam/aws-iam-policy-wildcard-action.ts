import type { Rule } from '../rule';
import { isAdminStatement, isAllActions, isServiceWildcard, onceReporter, POLICY_DOCUMENT_RESOURCE_TYPES, policyStatementsOf } from './policy-documents';

export const iamPolicyWildcardAction: Rule = {
  meta: {
    id: 'aws-iam-policy-wildcard-action',
    title: 'IAM policies should not allow wildcard actions ("*" or "service:*")',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: [...POLICY_DOCUMENT_RESOURCE_TYPES],
    docs: {
      description:
        'An Allow statement lists `"*"` or a whole-service wildcard such as `"s3:*"` or `"dynamodb:*"` as an action. A service ' +
        'wildcard also grants the destructive and administrative actions of that service (deleting buckets, changing bucket ' +
        'policies, disabling encryption) and every action AWS adds to it later. Statements that grant `"*"` on `"*"` are ' +
        'reported by aws-iam-policy-admin-access instead.',
      impact:
        'The principal can do far more than its job needs: a bug or a stolen credential can delete or expose data, or weaken ' +
        'the configuration of the service, within the resources the statement names.',
      remediation:
        'Replace the wildcard with the specific actions used (IAM Access Analyzer can generate them from CloudTrail activity), ' +
        'or with prefix wildcards limited to read operations such as `s3:Get*` and `s3:List*` when that is the intent.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_63' },
      { tool: 'cfn_nag', id: 'F3' },
      { tool: 'cfn_nag', id: 'F4' },
      { tool: 'cfn_nag', id: 'F5' },
      {
        tool: 'aws-docs',
        id: 'IAM JSON policy elements: Action',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: [...POLICY_DOCUMENT_RESOURCE_TYPES],
    check(ctx) {
      const report = onceReporter(ctx);
      for (const statement of policyStatementsOf(ctx)) {
        // Full administrator statements are reported (once) by aws-iam-policy-admin-access.
        if (statement.effect !== 'Allow' || isAdminStatement(statement)) continue;
        for (const action of statement.actions) {
          if (isAllActions(action.value)) {
            report(action.node, `Policy of ${ctx.resource.logicalId} allows every action ("${action.value}"): list only the actions the principal needs.`);
          } else if (isServiceWildcard(action.value)) {
            report(
              action.node,
              `Policy of ${ctx.resource.logicalId} allows every ${action.value.split(':')[0]} action ("${action.value}"): list only the actions the principal needs.`,
            );
          }
        }
      }
    },
  },
};
