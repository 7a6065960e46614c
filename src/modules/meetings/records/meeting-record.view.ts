/** A meeting held, as a ledger (工作台账) records it. */
export interface MeetingRecord {
  id: string;
  title: string;
  startsAt: Date;
  place: string | null;
  chair: string | null;
  /** Each organisation invited, and whether someone of it checked in; by name. */
  attendance: { organization: string; present: boolean }[];
  /** The accepted agenda items and the decision noted on each. */
  topics: { title: string; decision: string | null }[];
  /** The approved minutes; null while they are not approved. */
  minutes: string | null;
}
