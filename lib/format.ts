const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "1 April 2025", the GOV.UK date style. Dates are stored in UTC. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
