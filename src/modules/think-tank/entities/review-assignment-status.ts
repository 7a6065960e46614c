export enum AssignmentStatus {
  Invited = 'invited',
  Accepted = 'accepted',
  Declined = 'declined',
  Submitted = 'submitted',
  Cancelled = 'cancelled',
}
