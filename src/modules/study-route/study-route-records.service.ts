import { Injectable } from '@nestjs/common';
import { StudyRouteRepository } from './study-route.repository';

export interface StudyVisitRecord {
  site: string;
  visits: number;
  groups: number;
  people: number;
}

/** Study-route visits as other features' documents (the alliance's ledger) record them. */
@Injectable()
export class StudyRouteRecords {
  constructor(private readonly route: StudyRouteRepository) {}

  /** The visits in [from, to) of groups booked by the given organisations, by site in route order. */
  visits(organizationIds: string[], period: { from: string; to: string }): Promise<StudyVisitRecord[]> {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return this.route.visitsBySite(organizationIds, period.from, period.to);
  }
}
