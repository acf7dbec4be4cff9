import { asString, resolveItems } from '../../model/evaluate';
import { entryOf } from '../../model/nodes';
import type { ResourceCheckContext, Rule } from '../rule';

const TYPES = ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::UserPolicy'];

/**
 * Whether `Properties.<name>` holds at least one item in some branch: a list that is empty, or whose
 * items are all removed by `AWS::NoValue`, attaches nothing. A non-empty text is the default of a
 * list parameter (`CommaDelimitedList`, `List<String>`).
 */
function attachesSomething(ctx: ResourceCheckContext, name: string): boolean {
  return ctx.property(name).some((o) => {
    if (o.kind !== 'value') return false;
    if (o.data.kind === 'seq') return resolveItems(o, ctx.template).length > 0;
    return (asString(o) ?? '').trim() !== '';
  });
}

export const iamUserAttachedPolicy: Rule = {
  meta: {
    id: 'aws-iam-user-attached-policy',
    title: 'IAM permissions should be granted to groups or roles, not directly to users',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: TYPES,
    docs: {
      description:
        'Permissions are attached straight to an IAM user: inline `Policies` or `ManagedPolicyArns` on an `AWS::IAM::User`, ' +
        '`Users` on an `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy`, or an `AWS::IAM::UserPolicy`. Per-user grants are hard ' +
        'to review and tend to outlive the reason they were given.',
      impact:
        'Access drifts from person to person, reviews must inspect every user, and removing someone\'s access means finding ' +
        'every policy attached to them; excess permissions are easily left behind.',
      remediation:
        'Put users in `AWS::IAM::Group`s that carry the policies (`Groups` on the user, or `Groups` on the policy), or have ' +
        'people and workloads assume roles. Remove `Policies`/`ManagedPolicyArns` from users and `Users` from policies.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_40' },
      { tool: 'kics', id: 'edc95c10-7366-4f30-9b4b-f995c84eceb5' },
      { tool: 'kics', id: 'e4239438-e639-44aa-adb8-866e400e3ade' },
      { tool: 'kics', id: '0e5872b4-19a0-4165-8b2f-56d9e14b909f' },
      { tool: 'cfn_nag', id: 'F10' },
      { tool: 'cfn_nag', id: 'F11' },
      { tool: 'cfn_nag', id: 'F12' },
      {
        tool: 'aws-docs',
        id: 'AWS::IAM::User',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-user.html',
      },
      {
        tool: 'aws-docs',
        id: 'IAM best practices: use groups or roles',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: TYPES,
    check(ctx) {
      const properties = ctx.resource.properties;
      if (!properties) return;
      const id = ctx.resource.logicalId;
      const reportKey = (name: string, message: string) => {
        const entry = entryOf(properties, name);
        if (entry && attachesSomething(ctx, name)) ctx.report(entry.keyNode, message);
      };
      switch (ctx.resource.type) {
        case 'AWS::IAM::User':
          reportKey('Policies', `User ${id} has inline Policies: grant permissions through a group or a role instead.`);
          reportKey('ManagedPolicyArns', `User ${id} has ManagedPolicyArns attached: attach the policies to a group or a role instead.`);
          break;
        case 'AWS::IAM::Policy':
        case 'AWS::IAM::ManagedPolicy':
          reportKey('Users', `Policy ${id} is attached directly to Users: attach it to a group or a role instead.`);
          break;
        case 'AWS::IAM::UserPolicy': {
          const user = entryOf(properties, 'UserName');
          if (user && ctx.resolve(user.value).some((o) => o.kind !== 'absent')) {
            ctx.report(user.keyNode, `Policy ${id} is an inline policy of a user: attach it to a group or a role instead.`);
          }
          break;
        }
      }
    },
  },
};
