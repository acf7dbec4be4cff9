import { resolveItems, type Outcome } from '../../model/evaluate';
import { entryOf, type Node } from '../../model/nodes';
import { statementsOf, type Statement } from '../common/policy';
import type { ResourceCheckContext } from '../rule';

/** Resources whose own `PolicyDocument` property is an identity policy. */
const DOCUMENT_TYPES = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
];

/** Resources with inline `Policies: [{PolicyName, PolicyDocument}]`. */
const INLINE_POLICY_TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

/** SAM resources whose `Policies` may be an inline document or a list holding inline documents. */
const SAM_POLICY_TYPES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/** Every resource type that can carry an identity-policy document. */
export const POLICY_DOCUMENT_RESOURCE_TYPES: readonly string[] = [...DOCUMENT_TYPES, ...INLINE_POLICY_TYPES, ...SAM_POLICY_TYPES];

/**
 * The identity-policy documents a resource declares, each as a node that `statementsOf` can read
 * (intrinsics are resolved again there). Trust policies (`AssumeRolePolicyDocument`) are not included.
 * Documents that cannot be known (a `GetAtt`, an import...) are left out.
 */
export function policyDocumentsOf(ctx: ResourceCheckContext): Node[] {
  const type = ctx.resource.type ?? '';
  const properties = ctx.resource.properties;
  if (!properties) return [];
  const out: Node[] = [];
  if (DOCUMENT_TYPES.includes(type)) {
    const document = entryOf(properties, 'PolicyDocument')?.value;
    if (document) out.push(document);
  } else if (INLINE_POLICY_TYPES.includes(type)) {
    for (const list of ctx.property('Policies')) {
      for (const policy of itemsOf(ctx, list)) {
        if (policy.kind !== 'value' || policy.data.kind !== 'map') continue;
        const document = entryOf(policy.data, 'PolicyDocument')?.value;
        if (document) out.push(document);
      }
    }
  } else if (SAM_POLICY_TYPES.includes(type)) {
    for (const policies of ctx.property('Policies')) {
      // A single inline document, or a list mixing managed policy names, SAM policy templates and inline documents.
      const candidates = policies.kind === 'value' && policies.data.kind === 'seq' ? resolveItems(policies, ctx.template) : [policies];
      for (const candidate of candidates) {
        if (candidate.kind === 'value' && candidate.data.kind === 'map' && entryOf(candidate.data, 'Statement')) out.push(candidate.data);
      }
    }
  }
  return out;
}

/** The statements of every identity-policy document of the resource. */
export function policyStatementsOf(ctx: ResourceCheckContext): Statement[] {
  const statements: Statement[] = [];
  for (const document of policyDocumentsOf(ctx)) statements.push(...statementsOf(ctx, document));
  return statements;
}

function itemsOf(ctx: ResourceCheckContext, list: Outcome): Outcome[] {
  return list.kind === 'value' && list.data.kind === 'seq' ? resolveItems(list, ctx.template) : [];
}

/** `*` or `*:*`: every action of every service. */
export function isAllActions(action: string): boolean {
  return action === '*' || action === '*:*';
}

/** `service:*`: every action of one service. */
export function isServiceWildcard(action: string): boolean {
  return /^[A-Za-z0-9-]+:\*$/.test(action);
}

/** An Allow statement granting every action on every resource. */
export function isAdminStatement(s: Statement): boolean {
  return s.effect === 'Allow' && s.actions.some((a) => isAllActions(a.value)) && s.resources.some((r) => r.value === '*');
}

/**
 * Reports each node once: the same node can be reached through several evaluation paths
 * (a parameter default used twice, both branches of an `Fn::If` sharing a value...).
 */
export function onceReporter(ctx: ResourceCheckContext): (node: Node, message: string) => void {
  const seen = new Set<string>();
  return (node, message) => {
    const key = `${node.unit.id}:${node.start}:${node.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.report(node, message);
  };
}
