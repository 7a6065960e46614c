import { rrulestr } from 'rrule';

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export const MAX_OCCURRENCES = 100;
const HORIZON_MS = 2 * 365 * 86_400_000;

export class InvalidRecurrence extends Error {}

/**
 * The occurrences of a series from its first start and its RRULE (RFC 5545). Expanded on the
 * absolute timeline, which keeps the local wall-clock time in a zone without daylight saving
 * (Asia/Shanghai); at most a hundred occurrences, within two years.
 */
export function expandOccurrences(rule: string, first: Occurrence): Occurrence[] {
  const line = rule.trim().replace(/^RRULE:/i, '');
  if (!/^[A-Z0-9=;,+-]+$/i.test(line) || /DTSTART/i.test(line)) throw new InvalidRecurrence('not an RRULE line');
  let starts: Date[];
  try {
    const stamp = first.startsAt
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const parsed = rrulestr(`DTSTART:${stamp}\nRRULE:${line}`);
    const until = new Date(first.startsAt.getTime() + HORIZON_MS);
    starts = parsed.between(first.startsAt, until, true, (_, i) => i < MAX_OCCURRENCES);
  } catch {
    throw new InvalidRecurrence('unreadable RRULE');
  }
  if (starts.length === 0) throw new InvalidRecurrence('no occurrence');
  const duration = first.endsAt.getTime() - first.startsAt.getTime();
  return starts.map((start) => ({ startsAt: start, endsAt: new Date(start.getTime() + duration) }));
}
