export enum IndicatorRoundStatus {
  Open = 'open',
  Closed = 'closed',
}
