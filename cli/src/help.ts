/** Help texts. */
import { TEMPLATE_EXTENSIONS } from './discover';
import { MIN_FILES_FOR_WORKERS } from './parallel-scan';

const SCAN_HELP = `Usage: infralint scan <files or folders...> [--format text|json|sarif] [--output FILE] [--fix]

Lints CloudFormation templates. Folders are searched recursively for ${TEMPLATE_EXTENSIONS.join(', ')}
files (node_modules and .git are skipped); files named explicitly are linted whatever their extension.
Files that are not CloudFormation templates are listed as skipped.
Each file uses the nearest .infralint.yaml in its folder or above (rule severities, excludes...).

Options:
  -f, --format <text|json|sarif>  report format (default: text)
  -o, --output <FILE>             write the report to FILE instead of stdout
      --fix                       apply the safe fixes to the files, then report what is left
  -c, --config <FILE>             use this config file for every file instead of the nearest .infralint.yaml
      --minimum-severity <LEVEL>  report only findings at least this severe (error, warning, info, hint)
      --no-inline-suppressions    ignore the suppressions written in templates (comments, Metadata)
  -j, --jobs <N>                  lint up to N files at once on worker threads (at most one per core), when
                                  there are at least ${MIN_FILES_FOR_WORKERS} (default: cores minus one); the report is the same for any N
  -h, --help                      show this help

Exit codes: 0 no findings, 1 findings, 2 usage error, bad configuration or internal failure.
`;

const RULES_HELP = `Usage: infralint rules [--format text|json] [--output FILE]

Lists the rules: id, severity and title.
`;

const MAIN_HELP = `Usage: infralint <command> [options]

Security linter for AWS CloudFormation templates.

Commands:
  scan <files or folders...>   lint templates (see: infralint scan --help)
  rules                        list the rules
  help [command]               show help

Options:
  -h, --help                   show help
  -v, --version                show the version

Examples:
  infralint scan templates/
  infralint scan stack.yaml --format sarif --output infralint.sarif

Exit codes: 0 no findings, 1 findings, 2 usage error or internal failure.
`;

export function helpText(topic?: 'scan' | 'rules'): string {
  if (topic === 'scan') return SCAN_HELP;
  if (topic === 'rules') return RULES_HELP;
  return MAIN_HELP;
}
