import { resolve, resolvePath, type Assumptions, type Outcome } from '../model/evaluate';
import { scalarString, valueOf } from '../model/nodes';
import type { Node, Unit } from '../model/nodes';
import type { Resource, Template } from '../model/template';
import type { RuleMeta } from '../types';
import type { EditBuilder, TextChange } from '../fix/edit-builder';

/** Where a finding is: a node-relative place, so that cached findings follow their unit when it moves. */
export interface Place {
  unit: Unit;
  start: number;
  end: number;
}

/**
 * A fix as a rule offers it: the edits are built only when someone asks (a code action, the
 * CLI's --fix), with a builder for the text being fixed.
 */
export interface FixFactory {
  title: string;
  kind: 'safe' | 'suggestion';
  edits(builder: EditBuilder): (TextChange | undefined)[];
}

/** A finding as a check reports it: the engine adds rule id, severity and positions. */
export interface Report {
  message: string;
  at: Place;
  resource?: string;
  fix?: FixFactory;
}

/** What every check can read: the template and the evaluator. */
export interface EvaluationContext {
  template: Template;
  /** Evaluates a node: intrinsics resolved where the template says enough. */
  resolve(node: Node): Outcome[];
}

export interface TemplateCheckContext extends EvaluationContext {
  /** `owner`: the resource, or the logical id of a parameter or output, the finding belongs to. */
  report(node: Node, message: string, owner?: Resource | string, fix?: FixFactory): void;
}

export interface ResourceCheckContext extends EvaluationContext {
  resource: Resource;
  /** Evaluates `Properties.<path>` (dot-separated), following every `Fn::If` branch. */
  property(path: string): Outcome[];
  /** Evaluates a path below any node. */
  path(start: Node, path: string): Outcome[];
  /** Reports at a node of this resource. */
  report(node: Node, message: string, fix?: FixFactory): void;
  /** Reports something the resource lacks: at the `Fn::If` branch that removed it, else at the resource's key. */
  reportMissing(message: string, outcome?: Outcome, fix?: FixFactory): void;
}

export interface CloudFormationResourceCheck {
  /** The resource types this check is run for (the engine indexes resources by type). */
  resourceTypes: string[];
  check(ctx: ResourceCheckContext): void;
}

export interface CloudFormationTemplateCheck {
  /** Checks that look at the template as a whole (parameters, or relations between resources). */
  checkTemplate(ctx: TemplateCheckContext): void;
  /**
   * All the check reads: top-level sections and resources of these types. While none of them
   * changed, its findings are re-used. Without it, the check runs on every lint.
   */
  reads?: { sections?: string[]; resourceTypes?: string[] };
}

export interface Rule {
  meta: RuleMeta;
  cloudformation: CloudFormationResourceCheck | CloudFormationTemplateCheck;
}

export function isResourceCheck(c: Rule['cloudformation']): c is CloudFormationResourceCheck {
  return 'resourceTypes' in c;
}

export function makeTemplateContext(template: Template, sink: Report[]): TemplateCheckContext {
  return {
    template,
    resolve: (node) => resolve(node, template),
    report(node, message, owner, fix) {
      sink.push({ message, at: node, resource: typeof owner === 'string' ? owner : owner?.logicalId, fix });
    },
  };
}

export function makeResourceContext(template: Template, resource: Resource, sink: Report[]): ResourceCheckContext {
  // A resource with `Condition: X` exists only where X is true: its values are read under that assumption.
  const condition = resource.node.kind === 'map' ? scalarString(valueOf(resource.node, 'Condition')) : undefined;
  const assume: Assumptions | undefined = condition !== undefined ? new Map([[condition, true]]) : undefined;
  const base: EvaluationContext = { template, resolve: (node) => resolve(node, template, assume) };
  const report = (node: Node, message: string, fix?: FixFactory) =>
    sink.push({ message, at: node, resource: resource.logicalId, fix });
  return {
    ...base,
    resource,
    property(path) {
      if (!resource.properties) return [{ kind: 'absent' }];
      return resolvePath(resource.properties, path.split('.'), template, assume);
    },
    path: (start, path) => resolvePath(start, path.split('.'), template, assume),
    report,
    reportMissing(message, outcome, fix) {
      if (outcome?.kind === 'absent' && outcome.node) report(outcome.node, message, fix);
      else report(resource.keyNode, message, fix);
    },
  };
}
