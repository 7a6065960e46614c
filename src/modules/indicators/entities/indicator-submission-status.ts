export enum IndicatorSubmissionStatus {
  Draft = 'draft',
  Submitted = 'submitted',
}
