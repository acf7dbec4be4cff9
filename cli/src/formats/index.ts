/** Chooses the report writer for `--format`. */
import type { ScanFormat } from '../args';
import type { ScanReport } from '../report';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export interface FormatOptions {
  /** ANSI colors (text only). */
  color: boolean;
  cwd: string;
}

export function formatReport(report: ScanReport, format: ScanFormat, options: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options.cwd);
  }
}
