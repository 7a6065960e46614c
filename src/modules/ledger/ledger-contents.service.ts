import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { AlliancesService } from '../alliances/alliances.service';
import { DashboardService } from '../dashboard/dashboard.service';
import { MeetingRecords } from '../meetings/records/meeting-records.service';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import type { LedgerContents, RosterLine } from './ledger-contents';
import type { LedgerPeriod } from './ledger-period';
import { LedgerRepository } from './ledger.repository';

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
    return {
      alliance: { id: alliance.id, name: alliance.name },
      period,
      dashboard,
      statistics,
      roster,
      meetings,
      actionItems,
      requests,
    };
  }
}
