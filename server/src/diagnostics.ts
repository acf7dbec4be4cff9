import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { INTERNAL_ERROR, PARSE_ERROR, ruleDocUrl, SUPPRESSION_REPORT_IDS, UNUSED_SUPPRESSION, type Finding, type Severity } from '@infralint/shared-rules';

/** The one place where engine findings become LSP diagnostics. */
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  const hasDocs = finding.ruleId !== PARSE_ERROR && finding.ruleId !== INTERNAL_ERROR && !SUPPRESSION_REPORT_IDS.includes(finding.ruleId);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'infralint',
    code: finding.ruleId,
    ...(hasDocs ? { codeDescription: { href: ruleDocUrl(finding.ruleId) } } : {}),
    message: finding.message,
    // An unused suppression comment is shown faded, like unused code.
    ...(finding.ruleId === UNUSED_SUPPRESSION ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.resource ? { data: { resource: finding.resource } } : {}),
  };
}
