import { Injectable } from '@nestjs/common';
import { PairingRepository } from './pairing.repository';

export interface PairingVisitRecord {
  day: string;
  organization: string;
  official: string;
  peopleMet: string;
  /** The problems raised, each with the number of the service request it became, if any. */
  problems: { description: string; requestNumber: string | null; requestStatus: string | null }[];
}

/** The most visits a document lists. */
const VISIT_LIMIT = 500;

/** Pairing visits as other features' documents (the alliance's ledger) record them, read as the visit pages read them. */
@Injectable()
export class PairingRecords {
  constructor(private readonly pairing: PairingRepository) {}

  /** The visits in [from, to) to the given organisations, oldest first, with the problems raised. */
  async visits(organizationIds: string[], period: { from: string; to: string }): Promise<PairingVisitRecord[]> {
    if (organizationIds.length === 0) return [];
    const ids = await this.pairing.visitIdsOf(organizationIds, period.from, period.to, VISIT_LIMIT);
    if (ids.length === 0) return [];
    const [visits, problems] = await Promise.all([this.pairing.visits(ids), this.pairing.problems(ids)]);
    const order = new Map(ids.map((id, i) => [id, i]));
    return visits
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((v) => ({
        day: v.day,
        organization: v.organization_name,
        official: v.official_name,
        peopleMet: v.people_met,
        problems: problems
          .filter((p) => p.visit_id === v.id)
          .map((p) => ({
            description: p.description,
            requestNumber: p.request_id ? p.number : null,
            requestStatus: p.request_id ? p.status : null,
          })),
      }));
  }
}
