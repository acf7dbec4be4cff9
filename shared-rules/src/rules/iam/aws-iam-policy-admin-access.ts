import type { Rule } from '../rule';
import { isAdminStatement, isAllActions, onceReporter, POLICY_DOCUMENT_RESOURCE_TYPES, policyStatementsOf } from './policy-documents';

export const iamPolicyAdminAccess: Rule = {
  meta: {
    id: 'aws-iam-policy-admin-access',
    title: 'IAM policies should not grant full administrator access ("*" on "*")',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: [...POLICY_DOCUMENT_RESOURCE_TYPES],
    docs: {
      description:
        'A policy statement with `Effect: Allow`, `Action: "*"` and `Resource: "*"` lets whoever holds the policy perform any ' +
        'operation on any resource of the account, including changing IAM itself. This is checked in `AWS::IAM::Policy`, ' +
        '`AWS::IAM::ManagedPolicy`, the inline `Policies` of roles, users and groups, and the inline policy documents of SAM functions.',
      impact:
        'A leaked credential, a compromised workload or a confused deputy holding this policy owns the whole account: it can read ' +
        'and delete every resource, create new administrators and disable logging.',
      remediation:
        'List only the actions the principal needs (for example `s3:GetObject`) on the ARNs it works with. Keep account ' +
        'administration to a small number of break-glass roles, and use the AWS managed `AdministratorAccess` policy there ' +
        'explicitly rather than hand-written wildcards.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_62' },
      { tool: 'kics', id: 'f62aa827-4ade-4dc4-89e4-1433d384a368' },
      { tool: 'kics', id: '953b3cdb-ce13-428a-aa12-318726506661' },
      {
        tool: 'aws-docs',
        id: 'IAM grant least privilege',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      },
      {
        tool: 'aws-docs',
        id: 'AWS::IAM::Policy PolicyDocument',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-policy.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: [...POLICY_DOCUMENT_RESOURCE_TYPES],
    check(ctx) {
      const report = onceReporter(ctx);
      for (const statement of policyStatementsOf(ctx)) {
        if (!isAdminStatement(statement)) continue;
        for (const action of statement.actions) {
          if (!isAllActions(action.value)) continue;
          report(
            action.node,
            `Policy of ${ctx.resource.logicalId} allows every action ("${action.value}") on every resource, which is full administrator access: grant only the actions and resources needed.`,
          );
        }
      }
    },
  },
};
