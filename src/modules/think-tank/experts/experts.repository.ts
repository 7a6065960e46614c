import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetPage } from '../../../platform/pagination/keyset';
import type { Page, PageQueryDto } from '../../../platform/pagination/page.dto';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { AssignmentStatus } from '../entities/review-assignment-status';
import { ExpertDeclaration } from '../entities/expert-declaration.entity';
import { Expert } from '../entities/expert.entity';

export interface DeclarationRow {
  id: string;
  expert_id: string;
  organization_id: string | null;
  organization_name: string | null;
  user_id: string | null;
  user_name: string | null;
  reason: string;
  created_at: Date;
}

export interface ReviewHistoryRow {
  id: string;
  report_id: string;
  title: string;
  round: number;
  status: AssignmentStatus;
  created_at: Date;
  /** created_at as text, to the microsecond, for the cursor. */
  created_at_text: string;
  due_at: Date;
  submitted_at: Date | null;
}

/** The experts and their declarations; people's and organisations' names come from the directory views. */
@Injectable()
export class ExpertsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  private get experts() {
    return this.manager.getRepository(Expert);
  }

  /** The roster in the order experts joined it. */
  list(query: PageQueryDto): Promise<Page<Expert>> {
    return keysetPage(
      this.experts.createQueryBuilder('e'),
      { column: 'e.created_at', kind: 'timestamp', idColumn: 'e.id', direction: 'ASC' },
      query,
    );
  }

  findById(id: string): Promise<Expert | null> {
    return this.experts.findOneBy({ id });
  }

  findByIdOrFail(id: string): Promise<Expert> {
    return this.experts.findOneByOrFail({ id });
  }

  findByUser(userId: string): Promise<Expert | null> {
    return this.experts.findOneBy({ userId });
  }

  exists(id: string): Promise<boolean> {
    return this.experts.existsBy({ id });
  }

  existsForUser(userId: string): Promise<boolean> {
    return this.experts.existsBy({ userId });
  }

  save(expert: Partial<Expert>): Promise<Expert> {
    return this.experts.save(expert);
  }

  async update(id: string, changes: Partial<Expert>): Promise<void> {
    await this.experts.update({ id }, changes);
  }

  saveDeclaration(declaration: Partial<ExpertDeclaration>): Promise<ExpertDeclaration> {
    return this.manager.getRepository(ExpertDeclaration).save(declaration);
  }

  /** Whether a declaration of this expert was there to delete. */
  async deleteDeclaration(expertId: string, declarationId: string): Promise<boolean> {
    const result = await this.manager.getRepository(ExpertDeclaration).delete({ id: declarationId, expertId });
    return !!result.affected;
  }

  declarations(expertIds: string[]): Promise<DeclarationRow[]> {
    return this.manager.query<DeclarationRow[]>(
      `SELECT d.*, o.name AS organization_name, u.display_name AS user_name FROM expert_declarations d
         LEFT JOIN organization_directory o ON o.id = d.organization_id LEFT JOIN people_directory u ON u.id = d.user_id
        WHERE d.expert_id = ANY($1) ORDER BY d.created_at`,
      [expertIds],
    );
  }

  /**
   * An expert's reviews, newest invitation first, leaving out the reports `viewerId` wrote; one more
   * row than the limit.
   */
  history(
    expertId: string,
    viewerId: string,
    after: [createdAt: string | number, id: string] | null,
    limit: number,
  ): Promise<ReviewHistoryRow[]> {
    return this.manager.query<ReviewHistoryRow[]>(
      `SELECT a.id, a.report_id, r.title, rr.number AS round, a.status, a.created_at, a.created_at::text AS created_at_text, a.due_at, a.submitted_at
         FROM review_assignments a JOIN research_reports r ON r.id = a.report_id JOIN review_rounds rr ON rr.id = a.round_id
        WHERE a.expert_id = $1 AND NOT EXISTS (SELECT 1 FROM report_authors ra WHERE ra.report_id = a.report_id AND ra.user_id = $2)
          AND ($4::uuid IS NULL OR (a.created_at, a.id) < ($3::timestamptz, $4::uuid))
        ORDER BY a.created_at DESC, a.id DESC LIMIT $5`,
      [expertId, viewerId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }
}
