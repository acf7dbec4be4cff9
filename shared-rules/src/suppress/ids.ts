/** Ids of the findings the suppression machinery itself reports (customizable like rule ids). */
export const UNUSED_SUPPRESSION = 'unused-suppression';
export const EXPIRED_SUPPRESSION = 'expired-suppression';
export const INVALID_SUPPRESSION = 'invalid-suppression';

export const SUPPRESSION_REPORT_IDS: readonly string[] = [UNUSED_SUPPRESSION, EXPIRED_SUPPRESSION, INVALID_SUPPRESSION];
