export enum TypicalCaseStatus {
  /** Nominated, waiting for an official's review. */
  Nominated = 'nominated',
  /** Sent back with a comment; the nominator edits and resubmits. */
  Returned = 'returned',
  Approved = 'approved',
  Published = 'published',
  Unpublished = 'unpublished',
}
