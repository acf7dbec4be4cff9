import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import {
  INTERNAL_ERROR,
  PARSE_ERROR,
  ruleDocUrl,
  SUPPRESSION_REPORT_IDS,
  UNUSED_SUPPRESSION,
  type Finding,
  type LintResult,
  type Severity,
} from '@infralint/shared-rules';

/** The code of the notice shown on a file the engine skipped for its size. */
export const SKIPPED_TOO_LARGE = 'skipped-too-large';

/** The one place where engine findings become LSP diagnostics. */
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A lint result as diagnostics; a file skipped for its size gets one notice, so silence is never mistaken for a pass. */
export function toDiagnostics(result: LintResult): Diagnostic[] {
  if (result.tooLarge) {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'infralint',
        code: SKIPPED_TOO_LARGE,
        message: `Infralint skipped this file: ${result.skippedReason}.`,
      },
    ];
  }
  return result.findings.map(toDiagnostic);
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const hasDocs = finding.ruleId !== PARSE_ERROR && finding.ruleId !== INTERNAL_ERROR && !SUPPRESSION_REPORT_IDS.includes(finding.ruleId);
  // Assigned in order, not spread: this runs for every finding on every keystroke.
  const diagnostic = { range: finding.range, severity: SEVERITY[finding.severity], source: 'infralint', code: finding.ruleId } as Diagnostic;
  if (hasDocs) diagnostic.codeDescription = { href: ruleDocUrl(finding.ruleId) };
  diagnostic.message = finding.message;
  // An unused suppression comment is shown faded, like unused code.
  if (finding.ruleId === UNUSED_SUPPRESSION) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.resource) diagnostic.data = { resource: finding.resource };
  return diagnostic;
}
