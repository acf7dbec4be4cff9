import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { ruleById, ruleDocUrl, type Finding } from '@infralint/shared-rules';

/** Hovering a flagged range explains the rule: what, why, how to fix, and where to read more. */
export function hoverFor(position: Position, findings: Finding[]): Hover | undefined {
  const here = findings.filter((f) => contains(f.range, position));
  const sections: string[] = [];
  for (const finding of here) {
    const rule = ruleById(finding.ruleId);
    if (!rule) continue;
    const m = rule.meta;
    sections.push(
      [
        `**${m.title}** (\`${m.id}\`, ${finding.severity})`,
        finding.message,
        `*Why it matters:* ${m.docs.impact}`,
        `*How to fix:* ${m.docs.remediation}`,
        `[Documentation](${ruleDocUrl(m.id)})`,
      ].join('\n\n'),
    );
  }
  if (sections.length === 0) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: here[0].range };
}

function contains(range: Finding['range'], p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}
