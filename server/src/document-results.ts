import type { Finding } from '@infralint/shared-rules';

/** The findings of the latest lint of each open document, for code actions and hover. */
export interface DocumentResult {
  version: number;
  findings: Finding[];
}

export class DocumentResults {
  private readonly results = new Map<string, DocumentResult>();

  set(uri: string, result: DocumentResult): void {
    this.results.set(uri, result);
  }

  /** The findings, only if they were computed for exactly this version (fixes are built against that text). */
  get(uri: string, version: number): Finding[] | undefined {
    const result = this.results.get(uri);
    return result && result.version === version ? result.findings : undefined;
  }

  delete(uri: string): void {
    this.results.delete(uri);
  }
}
