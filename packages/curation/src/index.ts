export { applyCorrection, undo, listCorrections, loadStage, reapplyCorrections, type CorrectionRequest } from './curation';
export { exportCorrections, importCorrections, parseCorrections } from './jsonl';
export { suggest, dismissedSuggestions, type Suggestion } from './suggest';
export { CorrectionStage } from './stage';
export { activeCorrections } from './active';
export { CurationError } from './errors';
export type { StoredCorrection } from './store';
export type { MergePayload } from './merge-db';
export type { AddPayload, SplitMeetingPayload } from './apply-db';
