/** The calendar date (YYYY-MM-DD) of an instant in a time zone, e.g. today in Asia/Shanghai. */
export function localDate(instant: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
