/** SARIF 2.1.0, for code-scanning services (GitHub, Azure DevOps...). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl, type Severity } from '@infralint/shared-rules';
import type { ScanReport } from '../report';
import { ruleCatalog, type CatalogEntry } from '../rule-catalog';
import { INFORMATION_URI } from '../version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'hint':
      return 'note';
  }
}

/** `aws-s3-bucket-encryption` -> `AwsS3BucketEncryption`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function helpText(e: CatalogEntry): string {
  const parts = [e.docs.description, `Impact: ${e.docs.impact}`, `Remediation: ${e.docs.remediation}`];
  if (e.references.length > 0) {
    parts.push(`References:\n${e.references.map((r) => `- ${r.tool}: ${r.id}${r.url ? ` (${r.url})` : ''}`).join('\n')}`);
  }
  parts.push(`Documentation: ${ruleDocUrl(e.id)}`);
  return parts.join('\n\n');
}

function helpMarkdown(e: CatalogEntry): string {
  const parts = [e.docs.description, `**Impact:** ${e.docs.impact}`, `**Remediation:** ${e.docs.remediation}`];
  if (e.references.length > 0) {
    parts.push(`**References:**\n\n${e.references.map((r) => `- ${r.tool}: ${r.url ? `[${r.id}](${r.url})` : r.id}`).join('\n')}`);
  }
  parts.push(`[Documentation](${ruleDocUrl(e.id)})`);
  return parts.join('\n\n');
}

function descriptor(e: CatalogEntry) {
  return {
    id: e.id,
    name: pascalCase(e.id),
    shortDescription: { text: e.title },
    fullDescription: { text: e.docs.description, markdown: e.docs.description },
    help: { text: helpText(e), markdown: helpMarkdown(e) },
    helpUri: ruleDocUrl(e.id),
    defaultConfiguration: { level: sarifLevel(e.severity) },
    properties: { tags: ['security', 'cloudformation'] },
  };
}

/** A relative path stays relative (to %SRCROOT%, the current directory); an absolute one becomes a file: URI. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file) || /^[A-Za-z]:\//.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(report: ScanReport, cwd: string = process.cwd()): string {
  const catalog = ruleCatalog();
  for (const f of report.findings) {
    // A rule the catalog does not know (should not happen): describe it from the finding.
    if (!catalog.some((e) => e.id === f.ruleId)) {
      catalog.push({ id: f.ruleId, title: f.ruleId, severity: f.severity, docs: { description: f.ruleId, impact: '', remediation: '' }, references: [] });
    }
  }
  const index = new Map(catalog.map((e, i) => [e.id, i]));

  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId)!,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        ...(f.resource !== undefined ? { logicalLocations: [{ name: f.resource, kind: 'resource' }] } : {}),
      },
    ],
  }));

  const notifications = report.files
    .filter((f) => f.skipped === 'too-large' || f.skipped === 'unreadable' || f.skipped === 'internal-error')
    .map((f) => ({
      level: 'warning' as const,
      message: { text: `${f.file}: ${f.reason ?? 'skipped'}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file) } }],
    }));

  const root = pathToFileURL(cwd).href;
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: catalog.map(descriptor),
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
