import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { SimilarRequestView } from './dto/similar-request.dto';
import { SimilarRequestsRepository } from './similar-requests.repository';
import { TextTerms } from './text-terms.service';

export const SIMILAR_LIMIT = 5;
/** Resolved requests cut per township and run of the worker's sweep. */
export const INDEX_BATCH = 2000;

/**
 * Similar resolved requests for the handler of a request: the township's resolved requests whose
 * segmented terms (title, description, resolution; kept by the worker) share the most with it.
 */
@Injectable()
export class SimilarRequests {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: SimilarRequestsRepository,
    private readonly text: TextTerms,
  ) {}

  /** Handlers (the department it is assigned to) and officials only. */
  async forRequest(requestId: string): Promise<SimilarRequestView[]> {
    const request = await this.repository.request(requestId);
    if (!request) throw DomainException.notFound();
    const actor = this.tenant.actor;
    if (actor.role !== Role.TownshipAdmin && request.assignedOrganizationId !== actor.organizationId)
      throw DomainException.forbidden();
    const terms = await this.text.of(request.title, request.description);
    if (terms.length === 0) return [];
    const rows = await this.repository.similar(terms, requestId, SIMILAR_LIMIT);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      resolution: r.resolution,
      resolvedAt: r.resolvedAt.toISOString(),
      score: Math.round(Number(r.rank) * 1000) / 1000,
    }));
  }

  /** Cuts the township's newly resolved requests; how many. Safe to run twice. */
  async indexPending(limit = INDEX_BATCH): Promise<number> {
    const pending = await this.repository.unindexed(limit);
    const rows = [];
    for (const r of pending)
      rows.push({
        id: r.id,
        resolvedAt: r.resolvedAt,
        terms: await this.text.of(r.title, r.description, r.resolution),
      });
    await this.repository.store(rows);
    return rows.length;
  }
}
