import { Injectable } from '@nestjs/common';
import { OrganizationFigureChanges } from '../../organizations/organization-figure-changes.service';
import { type AllianceMemberFigures, MemberFiguresRepository } from './member-figures.repository';

/**
 * The alliance's member figures for the dashboard, from the sums (migration AllianceMemberFigures),
 * exact at every moment: an alliance with a change not yet summed is counted live.
 */
@Injectable()
export class MemberFigures {
  constructor(
    private readonly figures: MemberFiguresRepository,
    private readonly organizationChanges: OrganizationFigureChanges,
  ) {}

  /** `days`: the period's first day and the day after it, for the memberships that began in it. */
  of(allianceId: string, days: { from: string; to: string }): Promise<AllianceMemberFigures> {
    return this.figures.figures(allianceId, days);
  }

  /** In the caller's transaction: the organisations' changes are taken and their alliances summed again together. */
  async refresh(): Promise<number> {
    await this.figures.lock();
    return this.figures.refresh(await this.organizationChanges.take());
  }
}
