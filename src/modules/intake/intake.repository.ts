import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { IntakeModelRun, IntakeModelStatus } from './entities/intake-model-run.entity';
import { type Evaluation, MAX_TRAINING_EXAMPLES, type TrainingExample } from './model/intake-model';

/** A run without its model bytes: what the officials' page shows. */
export type IntakeRunSummary = Omit<IntakeModelRun, 'model'>;

export interface CatalogueEntry {
  id: string;
  code: string;
  name: string;
}

const SUMMARY_COLUMNS = `id, tenant_id AS "tenantId", status, progress, requested_by_id AS "requestedById",
  trained_at AS "trainedAt", sample_count AS "sampleCount", accuracy, error, created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/**
 * The intake module's queries: its own table, and what the service-requests and organizations
 * modules export for it (service_request_training_history, service_category_catalogue,
 * organization_directory), always within the current township.
 */
@Injectable()
export class IntakeRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /**
   * The township's newest finally resolved requests, at most `limit` of them: the newest say best
   * how it is served now, and the cap bounds the worker's memory and time (a township with a
   * million resolved requests trains on its newest hundred thousand).
   */
  async trainingHistory(limit = MAX_TRAINING_EXAMPLES): Promise<TrainingExample[]> {
    return this.manager.query<TrainingExample[]>(
      `SELECT id, title, description, category_code AS "categoryCode", department_id AS "departmentId",
              requester_organization_id AS "organizationId", alliance_id AS "allianceId"
         FROM service_request_training_history WHERE tenant_id = $1 ORDER BY resolved_at DESC, id DESC LIMIT $2`,
      [this.tenant.tenantId, limit],
    );
  }

  /** The township's own words: its catalogue's names, its organisations' names and product tags. */
  async terms(): Promise<string[]> {
    const rows = await this.manager.query<{ term: string }[]>(
      `SELECT DISTINCT name AS term FROM service_category_catalogue WHERE tenant_id = $1
       UNION SELECT name FROM organization_directory WHERE tenant_id = $1
       UNION SELECT unnest(product_tags) FROM organization_directory WHERE tenant_id = $1`,
      [this.tenant.tenantId],
    );
    return rows.map((r) => r.term).filter((t): t is string => typeof t === 'string' && t.length > 0);
  }

  async organizationNames(ids: string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const rows = await this.manager.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM organization_directory WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [this.tenant.tenantId, ids],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  async allianceCatalogue(allianceId: string): Promise<CatalogueEntry[]> {
    return this.manager.query<CatalogueEntry[]>(
      `SELECT id, code, name FROM service_category_catalogue WHERE tenant_id = $1 AND alliance_id = $2 AND active`,
      [this.tenant.tenantId, allianceId],
    );
  }

  /** The township's newest ready model, by its id and date alone: one index probe. */
  async newestReady(): Promise<{ id: string; trainedAt: Date } | null> {
    const [row] = await this.manager.query<{ id: string; trainedAt: Date }[]>(
      `SELECT id, trained_at AS "trainedAt" FROM intake_models
        WHERE tenant_id = $1 AND status = 'ready' ORDER BY trained_at DESC, id DESC LIMIT 1`,
      [this.tenant.tenantId],
    );
    return row ?? null;
  }

  async modelBytes(id: string): Promise<Buffer | null> {
    const [row] = await this.manager.query<{ model: Buffer | null }[]>(
      `SELECT model FROM intake_models WHERE tenant_id = $1 AND id = $2`,
      [this.tenant.tenantId, id],
    );
    return row?.model ?? null;
  }

  async newestSummary(status?: IntakeModelStatus): Promise<IntakeRunSummary | null> {
    const [row] = await this.manager.query<IntakeRunSummary[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM intake_models WHERE tenant_id = $1 ${status ? 'AND status = $2' : ''}
        ORDER BY ${status === IntakeModelStatus.Ready ? 'trained_at' : 'created_at'} DESC, id DESC LIMIT 1`,
      status ? [this.tenant.tenantId, status] : [this.tenant.tenantId],
    );
    return row ?? null;
  }

  async summary(id: string): Promise<IntakeRunSummary | null> {
    const [row] = await this.manager.query<IntakeRunSummary[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM intake_models WHERE tenant_id = $1 AND id = $2`,
      [this.tenant.tenantId, id],
    );
    return row ?? null;
  }

  /** The queued or running training, if any. */
  async pending(): Promise<{ id: string; updatedAt: Date } | null> {
    const [row] = await this.manager.query<{ id: string; updatedAt: Date }[]>(
      `SELECT id, updated_at AS "updatedAt" FROM intake_models WHERE tenant_id = $1 AND status IN ('queued', 'running')`,
      [this.tenant.tenantId],
    );
    return row ?? null;
  }

  /** A new queued training; null when another is already queued or running (the unique index decides races). */
  async insertQueued(requestedById: string | null): Promise<string | null> {
    const rows = await this.manager.query<{ id: string }[]>(
      `INSERT INTO intake_models (tenant_id, requested_by_id) VALUES ($1, $2)
       ON CONFLICT (tenant_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
      [this.tenant.tenantId, requestedById],
    );
    return rows[0]?.id ?? null;
  }

  /** Moves a queued or running training on; false when it is no longer queued or running. */
  async advance(
    id: string,
    changes: { status?: IntakeModelStatus; progress?: number; error?: string },
  ): Promise<boolean> {
    const rows = await this.manager.query<{ id: string }[]>(
      `UPDATE intake_models SET status = coalesce($3, status), progress = coalesce($4, progress),
              error = coalesce($5, error), updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING id`,
      [this.tenant.tenantId, id, changes.status ?? null, changes.progress ?? null, changes.error ?? null],
    );
    return rows.length > 0;
  }

  async storeModel(
    id: string,
    stored: { trainedAt: Date; sampleCount: number; accuracy: Evaluation; model: Buffer },
  ): Promise<boolean> {
    const rows = await this.manager.query<{ id: string }[]>(
      `UPDATE intake_models SET status = 'ready', progress = 100, trained_at = $3, sample_count = $4,
              accuracy = $5, model = $6, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING id`,
      [this.tenant.tenantId, id, stored.trainedAt, stored.sampleCount, JSON.stringify(stored.accuracy), stored.model],
    );
    return rows.length > 0;
  }
}
