import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../platform/errors/domain.exception';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { RubricDto, RubricView } from '../dto/library.dto';
import type { RubricSnapshot } from '../entities/review-round.entity';
import { RubricRepository } from './rubric.repository';

/** Until an alliance sets its own rubric, reviews score these. */
export const DEFAULT_RUBRIC: RubricSnapshot[] = [
  { key: 'evidence', label: '调研扎实（证据）', description: '数据和访谈是否充分、可靠', maxScore: 5 },
  { key: 'feasibility', label: '对策可行', description: '建议能否落地、由谁落实', maxScore: 5 },
  { key: 'impact', label: '价值影响', description: '对产业链和党建工作的作用', maxScore: 5 },
];

/** The alliance's review rubric (评审细则): the criteria every review scores. */
@Injectable()
export class RubricService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly rubrics: RubricRepository,
  ) {}

  async get(allianceId: string): Promise<RubricView> {
    if (!(await this.rubrics.allianceExists(allianceId))) throw DomainException.notFound();
    return { allianceId, criteria: await this.snapshot(allianceId) };
  }

  /** Replaces the rubric; rounds already open keep the copy they took. */
  async replace(allianceId: string, input: RubricDto): Promise<RubricView> {
    if (!(await this.rubrics.allianceExists(allianceId))) throw DomainException.notFound();
    // Keys and labels are stored trimmed, so they are judged trimmed: " impact" is "impact" again.
    const keys = input.criteria.map((c) => c.key.trim());
    input.criteria.forEach((c, i) => {
      if (!keys[i]) throw DomainException.invalid([{ field: `criteria[${i}].key`, reason: 'required' }]);
      if (!c.label.trim()) throw DomainException.invalid([{ field: `criteria[${i}].label`, reason: 'required' }]);
      if (keys.indexOf(keys[i]) !== i)
        throw DomainException.invalid([{ field: `criteria[${i}].key`, reason: 'alreadyExists' }]);
    });
    await this.rubrics.replace(
      allianceId,
      input.criteria.map((c, position) => ({
        tenantId: this.tenant.tenantId,
        allianceId,
        key: c.key.trim(),
        label: c.label.trim(),
        description: c.description?.trim() || null,
        maxScore: c.maxScore,
        position,
      })),
    );
    return this.get(allianceId);
  }

  async snapshot(allianceId: string): Promise<RubricSnapshot[]> {
    const criteria = await this.rubrics.criteria(allianceId);
    if (criteria.length === 0) return DEFAULT_RUBRIC;
    return criteria.map((c) => ({ key: c.key, label: c.label, description: c.description, maxScore: c.maxScore }));
  }
}
