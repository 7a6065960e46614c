import { IsDateString, IsOptional, IsUUID } from 'class-validator';

export class StatisticsQuery {
  @IsUUID()
  allianceId: string;

  /** Submitted on or after (YYYY-MM-DD, the tenant's day); default: twelve months ago. */
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  /** Submitted before; default: tomorrow. */
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class RateFigures {
  submitted: number;
  resolved: number;
  open: number;
  /** Accepted within the time to accept, of those routed (0–1). */
  responseRate: number | null;
  /** Resolved within the time to resolve, of those resolved (0–1). */
  onTimeRate: number | null;
  averageAcceptHours: number | null;
  averageResolveHours: number | null;
  /** Average rating, 1–5. */
  satisfaction: number | null;
  ratings: number;
}

export class DepartmentStatistics extends RateFigures {
  organizationId: string;
  name: string;
  /** 40 % on time, 30 % response, 30 % satisfaction; the ranking's order. */
  score: number;
  rank: number;
}

export class CategoryStatistics extends RateFigures {
  categoryId: string;
  name: string;
}

export class MonthStatistics extends RateFigures {
  /** YYYY-MM */
  month: string;
}

export class ServiceStatisticsView {
  from: string;
  to: string;
  totals: RateFigures;
  byDepartment: DepartmentStatistics[];
  byCategory: CategoryStatistics[];
  monthly: MonthStatistics[];
}
