import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from '../../platform/outbox/outbox-event.entity';
import type { OutboxRow } from '../../platform/outbox/outbox.service';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ServiceRequestView } from './dto/service-request.dto';
import { TimelineEntryType } from './entities/service-request-event.entity';
import { ServiceCategory } from './entities/service-category.entity';
import { ServiceRequest } from './entities/service-request.entity';
import { toView, type ViewRow } from './service-request-views.repository';
import { SUBMISSION_CHECK_SQL, SUBMISSION_INSERT_SQL } from './submission.sql';

export const categoryKey = (id: string) => `service-category:${id}`;

export interface RequestParties {
  requester: string;
  provider: string;
  staff: string[];
}

export type PartiesRow = { requester: string | null; provider: string | null; staff: string[] };

const partiesKey = (requester: string, provider: string | null) => `request-parties:${requester}:${provider}`;

/** The columns of `parties`, for a statement that reads them beside its own: placeholders of the two organisations. */
export const partiesColumns = (requester: string, provider: string) =>
  `(SELECT name FROM organization_directory WHERE id = ${requester}) AS requester,
   (SELECT name FROM organization_directory WHERE id = ${provider}) AS provider,
   ARRAY(SELECT id FROM people_directory WHERE organization_id = ${provider} AND status = 'active' ORDER BY created_at, id)::text[] AS staff`;

const toParties = (row: PartiesRow): RequestParties => ({
  requester: row.requester ?? '',
  provider: row.provider ?? '',
  staff: row.staff,
});

@Injectable()
export class ServiceRequestsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<ServiceRequest | null> {
    return this.manager.getRepository(ServiceRequest).findOne({ where: { id } });
  }

  /** Locks the row for the rest of the transaction: two actions on one request never interleave. */
  findForUpdate(id: string): Promise<ServiceRequest | null> {
    return this.manager.getRepository(ServiceRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A category, read once per request or job (routing and SLA planning both need it). */
  category(id: string): Promise<ServiceCategory> {
    return this.tenant.once(categoryKey(id), () => this.manager.getRepository(ServiceCategory).findOneByOrFail({ id }));
  }

  /**
   * Both organisations' names and the serving organisation's active staff, once per job or request:
   * one round trip, from the directories' exported views (what their names() and activeStaff() answer).
   */
  parties(requesterOrganizationId: string, providerOrganizationId: string | null): Promise<RequestParties> {
    return this.tenant.once(partiesKey(requesterOrganizationId, providerOrganizationId), async () => {
      const [row] = await this.manager.query<PartiesRow[]>(`SELECT ${partiesColumns('$1', '$2')}`, [
        requesterOrganizationId,
        providerOrganizationId,
      ]);
      return toParties(row);
    });
  }

  /** Parties that a caller's own statement read (`partiesColumns`), for `parties` to answer. */
  async rememberParties(
    requesterOrganizationId: string,
    providerOrganizationId: string | null,
    row: PartiesRow,
  ): Promise<void> {
    await this.tenant.once(partiesKey(requesterOrganizationId, providerOrganizationId), () =>
      Promise.resolve(toParties(row)),
    );
  }

  findByIdempotencyKey(requesterUserId: string, key: string): Promise<ServiceRequest | null> {
    return this.manager.getRepository(ServiceRequest).findOne({ where: { requesterUserId, idempotencyKey: key } });
  }

  save(request: Partial<ServiceRequest>): Promise<ServiceRequest> {
    return this.manager.getRepository(ServiceRequest).save(request);
  }

  async update(id: string, changes: Partial<ServiceRequest>): Promise<void> {
    await this.manager.getRepository(ServiceRequest).update({ id }, changes);
  }

  /** Whether a submission may be filed, and the request an earlier try with its idempotency key filed. */
  async checkSubmission(input: {
    categoryId: string;
    allianceId: string;
    organizationId: string;
    requesterUserId: string;
    idempotencyKey: string | null;
  }) {
    const [row] = await this.manager.query<
      { category_active: boolean; member: boolean; existing_id: string | null; existing_hash: string | null }[]
    >(SUBMISSION_CHECK_SQL, [
      input.categoryId,
      input.allianceId,
      input.organizationId,
      input.requesterUserId,
      input.idempotencyKey,
    ]);
    const existing = row.existing_id ? { id: row.existing_id, idempotencyRequestHash: row.existing_hash } : null;
    return { categoryActive: row.category_active, member: row.member, existing };
  }

  /** Stores a submission with its timeline entry and routing event; null when its idempotency key was taken meanwhile. */
  async insertSubmitted(submission: {
    tenantId: string;
    year: number;
    allianceId: string;
    organizationId: string;
    requesterUserId: string;
    categoryId: string;
    title: string;
    description: string;
    urgency: string;
    preferredContact: object;
    idempotencyKey: string | null;
    idempotencyRequestHash: string | null;
    submittedAt: Date;
    actorUserId: string;
    origin: Record<string, unknown>;
    /** The request's id, made by the caller so that its routing job can name it. */
    id: string;
    /** The routing job's outbox row, written by the same statement. */
    routing: Pick<OutboxEvent, 'queue' | 'jobName' | 'payload' | 'jobId'>;
  }): Promise<ServiceRequestView | null> {
    const s = submission;
    const [row] = await this.manager.query<ViewRow[]>(SUBMISSION_INSERT_SQL, [
      s.tenantId,
      s.year,
      `FW-${s.year}-`,
      s.allianceId,
      s.organizationId,
      s.requesterUserId,
      s.categoryId,
      s.title,
      s.description,
      s.urgency,
      s.preferredContact,
      s.idempotencyKey,
      s.submittedAt,
      s.actorUserId,
      s.origin,
      s.routing,
      s.id,
      s.idempotencyRequestHash,
    ]);
    return row ? toView(row) : null;
  }

  /** Adds a timeline entry; with a dedupe key a second identical entry is silently skipped. */
  async addEvent(entry: TimelineEntry): Promise<boolean> {
    const rows = await this.manager.query<{ id: string }[]>(`${insertEntry(1)} RETURNING id`, entryValues(entry));
    return rows.length > 0;
  }

  /**
   * The changes, the outbox rows that move the request's SLA timer and a timeline entry (as
   * `addEvent`), in one statement: its parts do not read each other's rows. Answers whether the
   * entry was added.
   */
  async write(
    id: string,
    changes: Partial<ServiceRequest>,
    also: { timer?: OutboxRow[]; entry?: TimelineEntry },
  ): Promise<boolean> {
    const [update, parameters] = this.manager
      .createQueryBuilder()
      .update(ServiceRequest)
      .set(changes)
      .where({ id })
      .getQueryAndParameters();
    const parts = [`changed AS (${update})`];
    // Only a statement with rows to write: outbox_events' statement trigger wakes the relay.
    if (also.timer?.length) {
      parameters.push(JSON.stringify(also.timer.map(timerRecord)));
      parts.push(`timer AS (INSERT INTO outbox_events (tenant_id, queue, job_name, payload, job_id, not_before, timer)
        SELECT * FROM jsonb_to_recordset($${parameters.length}::jsonb)
          AS t(tenant_id uuid, queue text, job_name text, payload jsonb, job_id text, not_before timestamptz, timer text))`);
    }
    if (also.entry) {
      parts.push(`entry AS (${insertEntry(parameters.length + 1)} RETURNING id)`);
      parameters.push(...entryValues(also.entry));
    }
    const [row] = await this.manager.query<{ added: boolean }[]>(
      `WITH ${parts.join(', ')} SELECT ${also.entry ? 'EXISTS (SELECT 1 FROM entry)' : 'false'} AS added`,
      parameters,
    );
    return row.added;
  }
}

/** A timeline entry as `addEvent` and `write` record it. */
export interface TimelineEntry {
  tenantId: string;
  requestId: string;
  type: TimelineEntryType;
  actorUserId?: string | null;
  internal?: boolean;
  body?: string | null;
  data?: Record<string, unknown>;
  dedupeKey?: string;
}

/** The INSERT of a timeline entry, its values from placeholder `first` on (`entryValues`). */
const insertEntry = (first: number) =>
  `INSERT INTO service_request_events (tenant_id, request_id, type, actor_user_id, internal, body, data, dedupe_key)
   VALUES (${Array.from({ length: 8 }, (_, i) => `$${first + i}`).join(', ')}) ON CONFLICT (request_id, dedupe_key) DO NOTHING`;

const entryValues = (entry: TimelineEntry): unknown[] => [
  entry.tenantId,
  entry.requestId,
  entry.type,
  entry.actorUserId || null,
  entry.internal ?? false,
  entry.body ?? null,
  entry.data ?? {},
  entry.dedupeKey ?? null,
];

const timerRecord = (row: OutboxRow) => ({
  tenant_id: row.tenantId,
  queue: row.queue,
  job_name: row.jobName,
  payload: row.payload,
  job_id: row.jobId,
  not_before: row.notBefore,
  timer: row.timer,
});
