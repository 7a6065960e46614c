import { NamedRef } from '../../../platform/http/references.view';
import { IndicatorRoundStatus } from '../entities/indicator-round-status';
import { IndicatorSubmissionStatus } from '../entities/indicator-submission-status';

export class CatalogueEntryView {
  key: string;
  type: 'integer' | 'decimal';
  unit: string;
  min: number;
  label: { 'zh-CN': string; en: string };
}

export class CataloguePage {
  items: CatalogueEntryView[];
  nextCursor: string | null;
}

export class RoundFieldView {
  key: string;
  type: 'integer' | 'decimal';
  unit: string;
  min: number;
  required: boolean;
}

export class SubmissionView {
  roundId: string;
  organization: NamedRef;
  values: Record<string, number>;
  /** null: nothing saved yet. */
  status: IndicatorSubmissionStatus | null;
  submittedAt: Date | null;
}

export class RoundView {
  id: string;
  alliance: NamedRef;
  period: string;
  year: number;
  quarter: number | null;
  deadline: string;
  fields: RoundFieldView[];
  status: IndicatorRoundStatus;
  /** Members expected to report, and how many have submitted. */
  expected: number;
  submitted: number;
  /** The actor's organisation's submission status (enterprises). */
  mySubmissionStatus: IndicatorSubmissionStatus | null;
  createdAt: Date;
}

export class RoundPage {
  items: RoundView[];
  nextCursor: string | null;
}

export class ProgressRowView {
  organization: NamedRef;
  status: IndicatorSubmissionStatus | null;
  submittedAt: Date | null;
}

export class ProgressPage {
  items: ProgressRowView[];
  nextCursor: string | null;
}

export class FieldResultView {
  key: string;
  unit: string;
  /** Submissions that gave the field. */
  reported: number;
  sum: number | null;
  avg: number | null;
  /** The same field's sum in the round of the year before (same quarter), if there was one. */
  previousSum: number | null;
  /** Year-on-year change of the sum, in per cent (one decimal). */
  yoyPercent: number | null;
}

export class RoundResultsView {
  roundId: string;
  period: string;
  expected: number;
  submitted: number;
  /** submitted / expected, 0..1, three decimals. */
  submissionRate: number;
  previousRound: { id: string; period: string } | null;
  fields: FieldResultView[];
}
