export enum MinutesStatus {
  Draft = 'draft',
  Circulated = 'circulated',
  Approved = 'approved',
}
