import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { NamedRef } from '../../../platform/http/references.view';
import { RateFigures } from '../../service-requests/dto/statistics.dto';

export class DashboardQuery {
  /** From this day (YYYY-MM-DD, the tenant's day); default: twelve months ago. */
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  /** Before this day; default: tomorrow. */
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class DashboardExportDto extends DashboardQuery {
  @IsIn(['xlsx', 'pdf'])
  format: 'xlsx' | 'pdf';
}

export class CountBy {
  key: string;
  count: number;
}

export class MemberFigures {
  total: number;
  byRole: CountBy[];
  byChainPosition: CountBy[];
  partyMembers: number;
  joinedInPeriod: number;
}

export class MeetingMonth {
  month: string;
  held: number;
  attendanceRate: number | null;
}

export class MeetingFigures {
  held: number;
  upcoming: number;
  /** Invited organisations that had someone check in, over all invitations of meetings held (0–1). */
  attendanceRate: number | null;
  monthly: MeetingMonth[];
}

export class DepartmentRank {
  rank: number;
  name: string;
  score: number;
  submitted: number;
  onTimeRate: number | null;
  satisfaction: number | null;
}

export class ServiceMonth {
  month: string;
  submitted: number;
  resolved: number;
  onTimeRate: number | null;
}

export class ServiceFigures {
  byStatus: CountBy[];
  totals: RateFigures;
  departmentRanking: DepartmentRank[];
  monthly: ServiceMonth[];
}

export class ThinkTankFigures {
  underReview: number;
  published: number;
  recommendationsTotal: number;
  recommendationsDone: number;
}

export class ActionItemFigures {
  open: number;
  done: number;
  overdue: number;
}

export class IndicatorSeries {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  /** The alliance's total for each period of `periods`; null where the round did not ask for it. */
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } })
  totals: (number | null)[];
}

/** Enterprise indicators (企业指标) over the quarterly collection rounds (2026-Q1), oldest first. */
export class QuarterlyIndicatorTrends {
  periods: string[];
  /** Members that submitted, of those expected, per period (0–1). */
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } })
  submissionRates: (number | null)[];
  series: IndicatorSeries[];
}

/**
 * Enterprise indicators (企业指标) over the yearly collection rounds (2026), oldest first, and apart
 * from them the quarterly rounds: a quarter's totals would read as a collapse beside a year's.
 */
export class IndicatorTrends {
  periods: string[];
  /** Members that submitted, of those expected, per period (0–1). */
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } })
  submissionRates: (number | null)[];
  series: IndicatorSeries[];
  quarterly: QuarterlyIndicatorTrends;
}

export class DashboardView {
  alliance: NamedRef;
  from: string;
  to: string;
  generatedAt: Date;
  members: MemberFigures;
  meetings: MeetingFigures;
  serviceRequests: ServiceFigures;
  thinkTank: ThinkTankFigures;
  actionItems: ActionItemFigures;
  indicators: IndicatorTrends;
}
