import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { ReviewCriterion } from '../entities/review-criterion.entity';

/** The alliances' review criteria. */
@Injectable()
export class RubricRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    return (
      (await this.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [allianceId])).length > 0
    );
  }

  criteria(allianceId: string): Promise<ReviewCriterion[]> {
    return this.manager.getRepository(ReviewCriterion).find({ where: { allianceId }, order: { position: 'ASC' } });
  }

  /** The alliance's criteria become these. */
  async replace(allianceId: string, criteria: Partial<ReviewCriterion>[]): Promise<void> {
    const repo = this.manager.getRepository(ReviewCriterion);
    await repo.delete({ allianceId });
    await repo.save(criteria);
  }
}
