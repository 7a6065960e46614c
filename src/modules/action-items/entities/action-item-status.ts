export enum ActionItemStatus {
  Open = 'open',
  InProgress = 'in_progress',
  Done = 'done',
  Cancelled = 'cancelled',
}
