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
}
