/** How long decided requests (to join an organisation, for a council's account) are kept, in days. */
export const REQUEST_RETENTION_DAYS = 90;
