import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ShowcaseView } from './dto/typical-case.view';
import { AllianceShowcase } from './entities/alliance-showcase.entity';
import { TypicalCasePhoto } from './entities/typical-case-photo.entity';
import type { TypicalCaseStatus } from './entities/typical-case-status';
import { TypicalCase } from './entities/typical-case.entity';

export interface CaseCursorRow {
  id: string;
  /** updated_at as text, with the microseconds a Date drops. */
  updated_at: string;
}

export interface CaseRow {
  id: string;
  tenant_id: string;
  alliance_id: string;
  alliance_name: string;
  organization_id: string;
  organization_name: string;
  title: string;
  summary: string;
  body: string;
  status: TypicalCaseStatus;
  review_comment: string | null;
  nominated_by_id: string;
  nominator_name: string | null;
  reviewed_by_id: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface CasePhotoRow {
  id: string;
  case_id: string;
  content_type: string;
  size: number;
}

export interface ListCasesFilter {
  everyCase: boolean;
  organizationId: string | null;
  allianceId: string | null;
  status: TypicalCaseStatus | null;
  after: [updatedAt: string | number, id: string] | null;
  limit: number;
}

/** The typical cases, their photos and the alliances' showcase settings; names come from the directory views. */
@Injectable()
export class TypicalCasesRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async isCurrentMember(allianceId: string, organizationId: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `SELECT 1 FROM alliance_membership_directory WHERE alliance_id = $1 AND organization_id = $2 AND left_on IS NULL`,
      [allianceId, organizationId],
    );
    return rows.length > 0;
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    return (
      (await this.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [allianceId])).length > 0
    );
  }

  /** The active people who are the nominator or belong to the nominating organisation. */
  async activeNominatorSide(nominatedById: string, organizationId: string): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE status = 'active' AND (id = $1 OR organization_id = $2)`,
      [nominatedById, organizationId],
    );
    return rows.map((r) => r.id);
  }

  findCase(id: string): Promise<TypicalCase | null> {
    return this.manager.getRepository(TypicalCase).findOneBy({ id });
  }

  saveCase(item: Partial<TypicalCase>): Promise<TypicalCase> {
    return this.manager.getRepository(TypicalCase).save(item);
  }

  async updateCase(id: string, changes: Partial<TypicalCase>): Promise<void> {
    await this.manager.getRepository(TypicalCase).update({ id }, changes);
  }

  /** Latest change first, one more row than the limit. */
  list(filter: ListCasesFilter): Promise<CaseCursorRow[]> {
    return this.manager.query<CaseCursorRow[]>(
      `SELECT id, updated_at::text AS updated_at FROM typical_cases
        WHERE ($1 OR organization_id = $2 OR status = 'published')
          AND ($3::uuid IS NULL OR alliance_id = $3) AND ($4::typical_case_status IS NULL OR status = $4)
          AND ($5::uuid IS NULL OR (updated_at, id) < ($6::timestamptz, $5::uuid))
        ORDER BY updated_at DESC, id DESC LIMIT $7`,
      [
        filter.everyCase,
        filter.organizationId,
        filter.allianceId,
        filter.status,
        filter.after?.[1] ?? null,
        filter.after?.[0] ?? null,
        filter.limit,
      ],
    );
  }

  cases(ids: string[]): Promise<CaseRow[]> {
    return this.manager.query<CaseRow[]>(
      `SELECT c.*, a.name AS alliance_name, o.name AS organization_name, u.display_name AS nominator_name
         FROM typical_cases c JOIN alliance_directory a ON a.id = c.alliance_id JOIN organization_directory o ON o.id = c.organization_id
         LEFT JOIN people_directory u ON u.id = c.nominated_by_id
        WHERE c.id = ANY($1) ORDER BY c.updated_at DESC, c.id DESC`,
      [ids],
    );
  }

  photos(caseIds: string[]): Promise<CasePhotoRow[]> {
    return this.manager.query<CasePhotoRow[]>(
      `SELECT id, case_id, content_type, size FROM typical_case_photos WHERE case_id = ANY($1) ORDER BY position, created_at`,
      [caseIds],
    );
  }

  countPhotos(caseId: string): Promise<number> {
    return this.manager.getRepository(TypicalCasePhoto).count({ where: { caseId } });
  }

  savePhoto(photo: Partial<TypicalCasePhoto>): Promise<TypicalCasePhoto> {
    return this.manager.getRepository(TypicalCasePhoto).save(photo);
  }

  findPhoto(caseId: string, photoId: string): Promise<TypicalCasePhoto | null> {
    return this.manager.getRepository(TypicalCasePhoto).findOneBy({ id: photoId, caseId });
  }

  findShowcase(allianceId: string): Promise<AllianceShowcase | null> {
    return this.manager.getRepository(AllianceShowcase).findOneBy({ allianceId });
  }

  async upsertShowcase(allianceId: string, slug: string, enabled: boolean): Promise<void> {
    await this.manager.query(
      `INSERT INTO alliance_showcases (tenant_id, alliance_id, slug, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (alliance_id) DO UPDATE SET slug = EXCLUDED.slug, enabled = EXCLUDED.enabled, updated_at = now()`,
      [this.tenant.tenantId, allianceId, slug, enabled],
    );
  }

  /** The public side, through the SECURITY DEFINER functions: no tenant, no actor. */
  async publicShowcase(slug: string, now: Date): Promise<ShowcaseView | null> {
    const [row] = await this.manager.query<{ showcase: ShowcaseView | null }[]>(
      'SELECT public_alliance_showcase($1, $2) AS showcase',
      [slug, now],
    );
    return row?.showcase ?? null;
  }

  async publicPhoto(slug: string, photoId: string): Promise<{ storage_key: string; content_type: string } | null> {
    const [photo] = await this.manager.query<{ storage_key: string; content_type: string }[]>(
      'SELECT * FROM public_showcase_photo($1, $2)',
      [slug, photoId],
    );
    return photo ?? null;
  }

  /**
   * The alliance's cases approved or published (on the showcase now or before), last changed before
   * `to`, oldest first; for the alliance's ledger.
   */
  ledgerCases(
    allianceId: string,
    to: string,
  ): Promise<{ id: string; title: string; summary: string; status: string; organization_name: string }[]> {
    return this.manager.query(
      `SELECT c.id, c.title, c.summary, c.status, o.name AS organization_name
         FROM typical_cases c JOIN organization_directory o ON o.id = c.organization_id
        WHERE c.alliance_id = $1 AND c.status IN ('approved', 'published', 'unpublished')
          AND c.created_at < ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ORDER BY c.created_at, c.id LIMIT 200`,
      [allianceId, to],
    );
  }
}
