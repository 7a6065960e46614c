import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { MEMBER_FIGURES_SQL, REFRESH_MEMBER_FIGURES_SQL, REFRESH_MEMBER_LOCK_SQL } from './member-figures.sql';

/** A count by role or chain position; a chain position may be none (null). */
export interface MemberCount {
  key: string | null;
  count: number;
}

export interface AllianceMemberFigures {
  byRole: MemberCount[];
  byChainPosition: MemberCount[];
  partyMembers: number;
  joined: number;
}

@Injectable()
export class MemberFiguresRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** `days`: the first day and the day after the last (the township's dates, as joined_on is). */
  async figures(allianceId: string, days: { from: string; to: string }): Promise<AllianceMemberFigures> {
    const [row] = await this.tenant.manager.query<AllianceMemberFigures[]>(MEMBER_FIGURES_SQL, [
      allianceId,
      days.from,
      days.to,
    ]);
    return row;
  }

  /** One refresh of the township's sums at a time: held to the end of the caller's transaction. */
  async lock(): Promise<void> {
    await this.tenant.manager.query(REFRESH_MEMBER_LOCK_SQL);
  }

  /** Folds the township's changed alliances, and those of `organizationIds`, into the sums; how many alliances. */
  async refresh(organizationIds: string[]): Promise<number> {
    const [{ alliances }] = await this.tenant.manager.query<{ alliances: number }[]>(REFRESH_MEMBER_FIGURES_SQL, [
      organizationIds,
    ]);
    return alliances;
  }
}
