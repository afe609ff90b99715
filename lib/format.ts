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

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "£93,007", "£1,250.50", "EUR 40,000": pounds with their sign, other currencies by code. */
export function formatMoney(amount: number, currency: string): string {
  const figure = (Number.isInteger(amount) ? whole : pence).format(amount);
  return currency === "GBP" ? `£${figure}` : `${currency} ${figure}`;
}
