// Dates shown the UK way ("21 November 2026"), from the backend's ISO dates and RFC 3339 times.

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "2026-11-21" → "21 November 2026" (the day as written, with no time-zone shift). */
export function longDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return day.format(new Date(y, m - 1, d));
}

/** An RFC 3339 time → "21 November 2026 at 09:15", in this computer's time zone. */
export function longTime(rfc3339: string): string {
  const at = new Date(rfc3339);
  if (Number.isNaN(at.getTime())) return rfc3339;
  return `${day.format(at)} at ${time.format(at)}`;
}
