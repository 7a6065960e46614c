import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CursorPart } from '../../platform/pagination/keyset';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { PairingPair } from './entities/pairing-pair.entity';
import { PairingVisitProblem } from './entities/pairing-visit-problem.entity';
import { PairingVisit } from './entities/pairing-visit.entity';
import { PAIR_STATUS_SQL } from './pair-status.view';

/** A pair with its names, last visit and next due day (PAIR_STATUS_SQL). */
export interface PairStatusRow {
  id: string;
  official_user_id: string;
  official_name: string;
  organization_id: string;
  organization_name: string;
  interval_days: number;
  active: boolean;
  overdue_notified_for: string | null;
  last_visit_on: string | null;
  visits: number | null;
  due_on: string;
}

export type OverduePairRow = Pick<
  PairStatusRow,
  'id' | 'official_user_id' | 'organization_name' | 'due_on' | 'interval_days'
>;

/** Filters of the pair list: every pair or the official's own, only the overdue ones. */
export interface PairFilter {
  all: boolean;
  officialUserId: string;
  overdueOnly: boolean;
  today: string;
  after: CursorPart[] | null;
  limit: number;
}

export interface VisitKeyRow {
  id: string;
  visited_on: string;
  created_at: string;
}

/** A visit with its pair's names and its recorder's. */
export interface VisitRow {
  id: string;
  pair_id: string;
  day: string;
  people_met: string;
  notes: string | null;
  recorded_by_id: string;
  recorder_name: string;
  organization_id: string;
  organization_name: string;
  official_user_id: string;
  official_name: string;
}

/** A problem raised on a visit, with the service request it became, if any. */
export interface VisitProblemRow {
  visit_id: string;
  position: number;
  description: string;
  request_id: string | null;
  /** Set whenever request_id is. */
  number: string;
  status: string;
}

export interface RequestSummaryRow {
  id: string;
  number: string;
  status: string;
}

/** The pairing module's queries: its own tables, and the directories other modules export. */
@Injectable()
export class PairingRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** One page (and one row more): active pairs first, the most overdue first, then by enterprise. */
  pairs(filter: PairFilter): Promise<PairStatusRow[]> {
    const [afterInactive, afterDueOn, afterName, afterId] = filter.after ?? [null, null, null, null];
    return this.manager.query<PairStatusRow[]>(
      `SELECT * FROM (${PAIR_STATUS_SQL}) s WHERE ($1 OR s.official_user_id = $2) AND (NOT $3 OR (s.active AND s.due_on < $4))
          AND ($8::uuid IS NULL OR (NOT s.active, s.due_on, s.organization_name, s.id) > ($5::boolean, $6::text, $7::text, $8::uuid))
        ORDER BY NOT s.active, s.due_on, s.organization_name, s.id LIMIT $9`,
      [
        filter.all,
        filter.officialUserId,
        filter.overdueOnly,
        filter.today,
        afterInactive,
        afterDueOn,
        afterName,
        afterId,
        filter.limit + 1,
      ],
    );
  }

  async pairStatus(id: string): Promise<PairStatusRow | undefined> {
    const [row] = await this.manager.query<PairStatusRow[]>(`SELECT * FROM (${PAIR_STATUS_SQL}) s WHERE s.id = $1`, [
      id,
    ]);
    return row;
  }

  /** Active pairs past their due day whose official has not been told about that due day yet. */
  overdueUntold(today: string): Promise<OverduePairRow[]> {
    return this.manager.query<OverduePairRow[]>(
      `SELECT s.id, s.official_user_id, s.organization_name, s.due_on, s.interval_days FROM (${PAIR_STATUS_SQL}) s
        WHERE s.active AND s.due_on < $1 AND (s.overdue_notified_for IS NULL OR to_char(s.overdue_notified_for, 'YYYY-MM-DD') <> s.due_on)
`,
      [today],
    );
  }

  async markOverdueNotified(id: string, dueOn: string): Promise<void> {
    await this.manager.query('UPDATE pairing_pairs SET overdue_notified_for = $2 WHERE id = $1', [id, dueOn]);
  }

  /** The alliance of an active service category; null when there is none. */
  async activeCategoryAlliance(categoryId: string): Promise<string | null> {
    const [row] = await this.manager.query<{ alliance_id: string }[]>(
      'SELECT alliance_id FROM service_category_directory WHERE id = $1 AND active',
      [categoryId],
    );
    return row ? row.alliance_id : null;
  }

  /** Whether the organisation is a current lead or member of the alliance. */
  async isMember(allianceId: string, organizationId: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `SELECT 1 FROM alliance_membership_directory WHERE alliance_id = $1 AND organization_id = $2 AND left_on IS NULL AND role IN ('lead', 'member')`,
      [allianceId, organizationId],
    );
    return rows.length > 0;
  }

  async requestSummary(id: string): Promise<RequestSummaryRow | undefined> {
    const [row] = await this.manager.query<RequestSummaryRow[]>(
      'SELECT id, number, status FROM service_request_directory WHERE id = $1',
      [id],
    );
    return row;
  }

  findPair(id: string): Promise<PairingPair | null> {
    return this.manager.getRepository(PairingPair).findOneBy({ id });
  }

  findPairOrFail(id: string): Promise<PairingPair> {
    return this.manager.getRepository(PairingPair).findOneByOrFail({ id });
  }

  savePair(pair: Partial<PairingPair>): Promise<PairingPair> {
    return this.manager.getRepository(PairingPair).save(pair);
  }

  async updatePair(id: string, changes: Partial<PairingPair>): Promise<void> {
    await this.manager.getRepository(PairingPair).update({ id }, changes);
  }

  findVisit(id: string): Promise<PairingVisit | null> {
    return this.manager.getRepository(PairingVisit).findOneBy({ id });
  }

  saveVisit(visit: Partial<PairingVisit>): Promise<PairingVisit> {
    return this.manager.getRepository(PairingVisit).save(visit);
  }

  async saveProblems(problems: Partial<PairingVisitProblem>[]): Promise<void> {
    await this.manager.getRepository(PairingVisitProblem).save(problems);
  }

  /** The problem at `position` of the visit, locked until the transaction ends. */
  lockProblem(visitId: string, position: number): Promise<PairingVisitProblem | null> {
    return this.manager
      .getRepository(PairingVisitProblem)
      .findOne({ where: { visitId, position }, lock: { mode: 'pessimistic_write' } });
  }

  async linkProblem(id: string, serviceRequestId: string): Promise<void> {
    await this.manager.getRepository(PairingVisitProblem).update({ id }, { serviceRequestId });
  }

  /** One page (and one row more) of a pair's visits: the latest first (by day, then as logged). */
  visitKeys(pairId: string, after: CursorPart[] | null, limit: number): Promise<VisitKeyRow[]> {
    const [afterVisitedOn, afterCreatedAt, afterId] = after ?? [null, null, null];
    return this.manager.query<VisitKeyRow[]>(
      `SELECT id, visited_on::text AS visited_on, created_at::text AS created_at FROM pairing_visits
        WHERE pair_id = $1 AND ($4::uuid IS NULL OR (visited_on, created_at, id) < ($2::date, $3::timestamptz, $4::uuid))
        ORDER BY visited_on DESC, created_at DESC, id DESC LIMIT $5`,
      [pairId, afterVisitedOn, afterCreatedAt, afterId, limit + 1],
    );
  }

  visits(ids: string[]): Promise<VisitRow[]> {
    return this.manager.query<VisitRow[]>(
      `SELECT v.*, to_char(v.visited_on, 'YYYY-MM-DD') AS day, p.organization_id, o.name AS organization_name, p.official_user_id,
              u.display_name AS official_name, r.display_name AS recorder_name
         FROM pairing_visits v JOIN pairing_pairs p ON p.id = v.pair_id JOIN organization_directory o ON o.id = p.organization_id
         JOIN people_directory u ON u.id = p.official_user_id JOIN people_directory r ON r.id = v.recorded_by_id
        WHERE v.id = ANY($1) ORDER BY v.visited_on DESC, v.created_at DESC, v.id DESC`,
      [ids],
    );
  }

  problems(visitIds: string[]): Promise<VisitProblemRow[]> {
    return this.manager.query<VisitProblemRow[]>(
      `SELECT pr.visit_id, pr.position, pr.description, s.id AS request_id, s.number, s.status
         FROM pairing_visit_problems pr LEFT JOIN service_request_directory s ON s.id = pr.service_request_id
        WHERE pr.visit_id = ANY($1) ORDER BY pr.position`,
      [visitIds],
    );
  }

  /** The visits in [from, to) to any of the organisations, oldest first, at most `limit`; for the alliance's ledger. */
  async visitIdsOf(organizationIds: string[], from: string, to: string, limit: number): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT v.id FROM pairing_visits v JOIN pairing_pairs p ON p.id = v.pair_id
        WHERE p.organization_id = ANY($1) AND v.visited_on >= $2::date AND v.visited_on < $3::date
        ORDER BY v.visited_on, v.created_at, v.id LIMIT $4`,
      [organizationIds, from, to, limit],
    );
    return rows.map((r) => r.id);
  }
}
