export * from './types';
export * from './ids';
export {
  suppressionComment,
  metadataSuppression,
  parseDirective,
  isValidDate,
  todayUtc,
  DIRECTIVES,
  DIRECTIVE_PREFIX,
  type ParsedDirective,
  type SuppressionCommentOptions,
} from './syntax';
export { collectSuppressions, type CollectInput, type Collected } from './collect';
export { applySuppressions, suppresses, type ApplyOptions, type Applied } from './apply';
export { peerMap, rulesForPeer, rulesWithPeer, type PeerMap } from './peers';
export { suppressionEdits, REASON_PLACEHOLDER, type QuickSuppressScope } from './quick-fix';
