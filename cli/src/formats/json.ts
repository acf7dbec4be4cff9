/** The machine-readable report: one JSON object (see README for the contract). */
import type { ScanReport } from '../report';

export function formatJson(report: ScanReport): string {
  const output = {
    tool: { name: report.tool.name, version: report.tool.version },
    // Fields are listed explicitly so that the output's key order and contents are stable.
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.resource !== undefined ? { resource: f.resource } : {}),
      ...(f.fixable ? { fixable: true } : {}),
    })),
    files: report.files.map((f) => ({
      file: f.file,
      format: f.format,
      ...(f.reason !== undefined ? { reason: f.reason } : {}),
      ...(f.fixed ? { fixed: f.fixed } : {}),
    })),
  };
  return JSON.stringify(output, null, 2) + '\n';
}
