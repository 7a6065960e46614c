export enum ProjectCallStatus {
  Open = 'open',
  Closed = 'closed',
}
