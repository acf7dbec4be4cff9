export * from './types';
export { ruleGlobMatches, pathGlobMatches, isExcluded, relativeTo, isGlob, type ExcludeSet } from './glob';
export {
  knownRuleIds,
  parseConfigFile,
  validateSettings,
  formatProblem,
  keyName,
  showValue,
  CONFIG_FILE_NAMES,
  DEFAULT_EDITOR_OPTIONS,
  INHERIT,
  type ParsedConfigFile,
  type ValidatedSettings,
  type EditorOptions,
  type RunMode,
} from './validate';
export {
  customizedSeverity,
  applySeverities,
  meetsMinimum,
  severityRank,
  isFormatEnabled,
  resolveConfig,
  UNCUSTOMIZABLE_IDS,
  type LocatedLayer,
  type ResolvedConfig,
} from './apply';
export { findConfig, loadConfigFile, ConfigFinder, type ConfigHost, type LoadedConfig } from './loader';
export { finalizeFindings, type FinalizeInput, type Finalized } from './finalize';
