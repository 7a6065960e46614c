import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { AlliancesService } from '../alliances/alliances.service';
import { DashboardService } from '../dashboard/dashboard.service';
import { MeetingRecords } from '../meetings/records/meeting-records.service';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import type { LedgerContents, RosterLine } from './ledger-contents';
import type { LedgerPeriod } from './ledger-period';
import { LedgerRepository } from './ledger.repository';
import { IndicatorRecords } from '../indicators/indicator-records.service';
import { PairingRecords } from '../pairing/pairing-records.service';
import { StudyRouteRecords } from '../study-route/study-route-records.service';
import { ReportRecords } from '../think-tank/reports/report-records.service';
import { TypicalCaseRecords } from '../typical-cases/typical-case-records.service';
import { VenueRecords } from '../venues/venue-records.service';

/** How many resolved requests a ledger shows as examples. */
const RESOLVED_EXAMPLES = 5;
const ROLE_ORDER: Record<string, number> = { lead: 0, department: 1, member: 2 };

/** Gathers a ledger's contents from the features' own services, one after another in the caller's transaction. */
@Injectable()
export class LedgerContentsService {
  constructor(
    private readonly alliances: AlliancesService,
    private readonly dashboard: DashboardService,
    private readonly statistics: ServiceStatistics,
    private readonly meetings: MeetingRecords,
    private readonly lists: LedgerRepository,
    private readonly clock: Clock,
    private readonly reports: ReportRecords,
    private readonly venues: VenueRecords,
    private readonly studyRoute: StudyRouteRecords,
    private readonly pairing: PairingRecords,
    private readonly typicalCases: TypicalCaseRecords,
    private readonly indicators: IndicatorRecords,
  ) {}

  async gather(
    allianceId: string,
    period: LedgerPeriod,
    progress: (percent: number) => Promise<void>,
  ): Promise<LedgerContents> {
    const { alliance, memberships } = await this.alliances.registry(allianceId);
    const roster: RosterLine[] = memberships
      .filter((m) => m.leftOn === null)
      .map((m) => ({
        role: m.role,
        name: m.organization?.name ?? '',
        chainPosition: m.organization?.chainPosition ?? null,
        joinedOn: m.joinedOn,
        party: m.organization?.partyOrganization
          ? {
              type: m.organization.partyOrganization.type,
              name: m.organization.partyOrganization.name,
              secretary: m.organization.partyOrganization.secretary,
              memberCount: m.organization.partyOrganization.memberCount,
            }
          : null,
      }))
      .sort(
        (a, b) =>
          ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
          a.joinedOn.localeCompare(b.joinedOn) ||
          a.name.localeCompare(b.name),
      );
    await progress(20);
    const dashboard = await this.dashboard.compute(allianceId, period);
    const statistics = await this.statistics.compute({ allianceId, ...period });
    await progress(40);
    const meetings = await this.meetings.held(
      allianceId,
      { from: `${period.from}T00:00:00+08:00`, to: `${period.to}T00:00:00+08:00` },
      this.clock.now(),
    );
    await progress(55);
    const actionItems = await this.lists.actionItems(allianceId);
    const requests = await this.lists.requests(allianceId, period, RESOLVED_EXAMPLES);
    await progress(65);
    // Venue use, study visits and pairing visits are the current members' (the roster's).
    const members = memberships.filter((m) => m.leftOn === null).map((m) => m.organizationId);
    const thinkTank = await this.reports.ofPeriod(allianceId, period);
    const venues = await this.venues.use(members, period);
    const studyVisits = await this.studyRoute.visits(members, period);
    const pairingVisits = await this.pairing.visits(members, period);
    const typicalCases = await this.typicalCases.ofAlliance(allianceId, period);
    const indicators = await this.indicators.rounds(allianceId, period);
    await progress(75);
    return {
      alliance: { id: alliance.id, name: alliance.name },
      period,
      dashboard,
      statistics,
      roster,
      meetings,
      actionItems,
      requests,
      thinkTank,
      venues,
      studyVisits,
      pairingVisits,
      typicalCases,
      indicators,
    };
  }
}
