import { EditBuilder, type TextChange } from '../fix/edit-builder';
import { spanOf, valueOf, type MapNode } from '../model/nodes';
import type { Template } from '../model/template';
import type { Syntax } from '../types';
import { metadataSuppression, suppressionComment } from './syntax';

/** What the "Suppress" quick fix writes where the author still has to say why. */
export const REASON_PLACEHOLDER = 'explain why this is acceptable';

export type QuickSuppressScope = 'line' | 'resource';

/**
 * The edit that suppresses one finding: a comment above its line or above its resource (YAML),
 * or an entry in the resource's `Metadata.infralint.suppress` (JSON, which has no comments).
 * Empty when the scope does not apply (a line in JSON, a finding outside any resource).
 */
export function suppressionEdits(
  text: string,
  syntax: Syntax,
  template: Template,
  finding: { ruleId: string; span: { start: number }; resource?: string },
  scope: QuickSuppressScope,
  reason = REASON_PLACEHOLDER,
): TextChange[] {
  const resource = finding.resource !== undefined ? template.resourcesById.get(finding.resource) : undefined;
  if (syntax === 'yaml') {
    const anchor = scope === 'line' ? finding.span.start : resource ? spanOf(resource.keyNode).start : undefined;
    if (anchor === undefined) return [];
    const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
    const indentation = /^[ \t]*/.exec(text.slice(lineStart, anchor))![0];
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const comment = suppressionComment(finding.ruleId, reason, indentation, { scope: scope === 'line' ? 'next-line' : 'resource' });
    return [{ start: lineStart, end: lineStart, newText: comment + eol }];
  }
  if (scope !== 'resource' || !resource || resource.node.kind !== 'map') return [];
  const entry = metadataSuppression(finding.ruleId, reason);
  const builder = new EditBuilder(text, syntax);
  const metadata = valueOf(resource.node, 'Metadata');
  if (!metadata) return compact([builder.insertProperty(resource.node, 'Metadata', { infralint: { suppress: [entry] } })]);
  if (metadata.kind !== 'map') return [];
  const infralint = valueOf(metadata, 'infralint');
  if (!infralint) return compact([builder.insertProperty(metadata, 'infralint', { suppress: [entry] })]);
  if (infralint.kind !== 'map' || valueOf(infralint as MapNode, 'suppress')) return [];
  return compact([builder.insertProperty(infralint as MapNode, 'suppress', [entry])]);
}

function compact(changes: (TextChange | undefined)[]): TextChange[] {
  return changes.filter((c): c is TextChange => c !== undefined);
}
