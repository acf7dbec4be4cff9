import type { ParseError } from '../parse/errors';
import type { Span, Syntax } from '../types';
import { entryOf, isMap, scalarString, valueOf, type Entry, type MapNode, type Node, type ScalarNode } from './nodes';

export interface Resource {
  logicalId: string;
  keyNode: ScalarNode;
  node: Node;
  type?: string;
  /** The resource's `Properties`, when it is a mapping. */
  properties?: MapNode;
  /**
   * Identity of the resource's parse, for result caching (incremental YAML only): its unit and
   * its place in it, which stay the same while the unit is re-used.
   */
  parseId?: string;
}

export interface Template {
  syntax: Syntax;
  root: Node | undefined;
  errors: ParseError[];
  isCloudFormation: boolean;
  isSam: boolean;
  parameters: Map<string, Entry>;
  mappings?: MapNode;
  conditions?: MapNode;
  /** SAM `Globals`. */
  globals?: MapNode;
  resources: Resource[];
  resourcesById: Map<string, Resource>;
  resourcesByType: Map<string, Resource[]>;
  /**
   * Identity of everything outside a resource that a resource check may read (parameters,
   * mappings, conditions, globals). Equal keys mean cached per-resource results are still valid.
   */
  contextKey: string;
  /** Identity of each top-level section's parsed unit (incremental YAML only), for result caching. */
  sectionUnitIds?: Map<string, number>;
  /** Spans of YAML-anchored values: a fix must not edit one, it would change every alias of it too. */
  anchoredSpans?: Span[];
}

const TEMPLATE_RESOURCE_TYPE = /^(AWS|Custom|Alexa)::|^AWS::Serverless::/;

export interface SectionIdentity {
  /** Unit ids of the sections, when parsed incrementally; undefined means "always new". */
  sectionUnitIds?: Map<string, number>;
  /** True when each resource was parsed as its own unit (incremental YAML): its key's unit identifies it. */
  resourcesParsedApart?: boolean;
}

export function buildTemplate(
  syntax: Syntax,
  root: Node | undefined,
  errors: ParseError[],
  identity: SectionIdentity = {},
): Template {
  const template: Template = {
    syntax,
    root,
    errors,
    isCloudFormation: false,
    isSam: false,
    parameters: new Map(),
    resources: [],
    resourcesById: new Map(),
    resourcesByType: new Map(),
    contextKey: '',
  };
  if (!isMap(root)) return template;

  const parameters = valueOf(root, 'Parameters');
  if (isMap(parameters)) for (const e of parameters.entries) template.parameters.set(e.key, e);
  const mappings = valueOf(root, 'Mappings');
  if (isMap(mappings)) template.mappings = mappings;
  const conditions = valueOf(root, 'Conditions');
  if (isMap(conditions)) template.conditions = conditions;
  const globals = valueOf(root, 'Globals');
  if (isMap(globals)) template.globals = globals;

  const resources = valueOf(root, 'Resources');
  let typedResources = 0;
  if (isMap(resources)) {
    for (const entry of resources.entries) {
      const resource = resourceOf(entry, identity.resourcesParsedApart === true);
      if (resource.type && TEMPLATE_RESOURCE_TYPE.test(resource.type)) typedResources++;
      template.resources.push(resource);
      template.resourcesById.set(entry.key, resource);
      if (resource.type) {
        const list = template.resourcesByType.get(resource.type) ?? [];
        list.push(resource);
        template.resourcesByType.set(resource.type, list);
      }
    }
  }
  // Recognised by what the parsed content says, never by the raw text.
  template.isCloudFormation = entryOf(root, 'AWSTemplateFormatVersion') !== undefined || typedResources > 0;
  const transform = valueOf(root, 'Transform');
  template.isSam = /AWS::Serverless/.test(scalarString(transform) ?? '') ||
    (transform?.kind === 'seq' && transform.items.some((i) => /AWS::Serverless/.test(scalarString(i) ?? '')));

  template.sectionUnitIds = identity.sectionUnitIds;
  template.contextKey = identity.sectionUnitIds ? contextKeyOf(template, identity.sectionUnitIds) : '';
  return template;
}

/**
 * Resources by the parsed entry they are read from. A re-used unit (incremental YAML) keeps its
 * entries, so after a keystroke only the edited resource is read again; nothing in a Resource
 * depends on where its unit now starts.
 */
const resourcesByEntry = new WeakMap<Entry, Resource>();

function resourceOf(entry: Entry, parsedApart: boolean): Resource {
  const known = resourcesByEntry.get(entry);
  if (known && (known.parseId !== undefined) === parsedApart) return known;
  const resource: Resource = { logicalId: entry.key, keyNode: entry.keyNode, node: entry.value };
  if (isMap(entry.value)) {
    resource.type = scalarString(valueOf(entry.value, 'Type'));
    const props = valueOf(entry.value, 'Properties');
    if (isMap(props)) resource.properties = props;
  }
  if (parsedApart) resource.parseId = `${entry.keyNode.unit.id}@${entry.keyNode.start}`;
  resourcesByEntry.set(entry, resource);
  return resource;
}

/**
 * What a resource check can read outside its resource: parameter defaults (through `Ref`) and
 * mappings (through `Fn::FindInMap`). Editing a parameter's description or an output keeps the
 * key, and with it every cached per-resource result.
 */
function contextKeyOf(template: Template, sectionUnitIds: Map<string, number>): string {
  const parameters: string[] = [];
  for (const [name, entry] of template.parameters) {
    const dflt = isMap(entry.value) ? valueOf(entry.value, 'Default') : undefined;
    const value = dflt === undefined ? '-' : dflt.kind === 'scalar' ? `=${String(dflt.value)}` : `#${sectionUnitIds.get('Parameters')}`;
    parameters.push(`${name}${value}`);
  }
  return `${parameters.join('\u0001')}\u0002${sectionUnitIds.get('Mappings') ?? '-'}`;
}
