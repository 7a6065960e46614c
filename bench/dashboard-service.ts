import type { Clock } from '../src/platform/clock/clock';
import type { TenantContext } from '../src/platform/tenancy/tenant-context.service';
import { DashboardRepository } from '../src/modules/dashboard/dashboard.repository';
import { DashboardService } from '../src/modules/dashboard/dashboard.service';
import { MemberFiguresRepository } from '../src/modules/alliances/figures/member-figures.repository';
import { MemberFigures } from '../src/modules/alliances/figures/member-figures.service';
import { OrganizationFigureChanges } from '../src/modules/organizations/organization-figure-changes.service';
import { MeetingFiguresRepository } from '../src/modules/meetings/figures/meeting-figures.repository';
import { MeetingFigures } from '../src/modules/meetings/figures/meeting-figures.service';
import { ServiceStatistics } from '../src/modules/service-requests/statistics/service-statistics.service';
import { StatisticsRepository } from '../src/modules/service-requests/statistics/statistics.repository';

/** The product's dashboard wired by hand over one connection's tenant context, for the profiler and the growth scenario. */
export function dashboardOver(tenant: TenantContext, clock: Clock): DashboardService {
  return new DashboardService(
    new DashboardRepository(tenant),
    new ServiceStatistics(new StatisticsRepository(tenant), clock),
    new MeetingFigures(new MeetingFiguresRepository(tenant)),
    new MemberFigures(new MemberFiguresRepository(tenant), new OrganizationFigureChanges(tenant)),
    clock,
  );
}
