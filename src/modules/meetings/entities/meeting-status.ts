export enum MeetingStatus {
  Scheduled = 'scheduled',
  Cancelled = 'cancelled',
}
