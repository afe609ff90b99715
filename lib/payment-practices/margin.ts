/** How far apart the statutory average and the prime's own answer may be before it is flagged (issue 16). */
export const PAYMENT_MARGIN_DAYS = 10;
