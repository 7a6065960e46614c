import { Injectable } from '@nestjs/common';
import { pageOfRows, decodeCursorParts } from '../../pagination/keyset';
import type { Page } from '../../pagination/page.dto';
import { TenantContext } from '../../tenancy/tenant-context.service';
import type { BackupContents, BackupRun } from './backup-run';
import { platformActor } from '../../tenancy/request-actor';

export const PLATFORM_ACTOR = platformActor();

const COLUMNS = `id, trigger, scheduled_for AS "scheduledFor", requested_by_id AS "requestedById", status,
  failure_reason AS "failureReason", created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt",
  file_name AS "fileName", location, bytes::float8 AS bytes, schema_version AS "schemaVersion", tables, rows::float8 AS rows,
  attachments, attachment_bytes::float8 AS "attachmentBytes", verify_status AS "verifyStatus", verified_at AS "verifiedAt",
  verify_detail AS "verifyDetail", pruned_at AS "prunedAt"`;

/**
 * The record of backup runs (platform data under row-level security for platform admins). In the
 * API the request's transaction is a platform admin's; the worker calls `asPlatform`, one short
 * transaction a statement, never around a backup that takes minutes.
 */
@Injectable()
export class BackupRunsRepository {
  constructor(private readonly tenant: TenantContext) {}

  asPlatform<T>(work: () => Promise<T>): Promise<T> {
    return this.tenant.run(PLATFORM_ACTOR, work);
  }

  private query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return this.tenant.manager.query<T[]>(sql, parameters);
  }

  /** The run of a schedule's tick; undefined when another worker has it already. */
  async insertScheduled(scheduledFor: Date, now: Date): Promise<string | undefined> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO backup_runs (trigger, scheduled_for, status, created_at, started_at, heartbeat_at)
       VALUES ('schedule', $1, 'running', $2, $2, $2) ON CONFLICT (scheduled_for) WHERE scheduled_for IS NOT NULL DO NOTHING RETURNING id`,
      [scheduledFor, now],
    );
    return row?.id;
  }

  async insertRequested(requestedById: string, now: Date): Promise<BackupRun> {
    const [row] = await this.query<BackupRun>(
      `INSERT INTO backup_runs (trigger, requested_by_id, status, created_at) VALUES ('manual', $1, 'queued', $2) RETURNING ${COLUMNS}`,
      [requestedById, now],
    );
    return row;
  }

  /** Takes a queued run; false when it is not queued (taken already, or ended). */
  async start(id: string, now: Date): Promise<boolean> {
    const rows = await this.query<{ id: string }>(
      `UPDATE backup_runs SET status = 'running', started_at = $2, heartbeat_at = $2 WHERE id = $1 AND status = 'queued' RETURNING id`,
      [id, now],
    );
    return rows.length > 0;
  }

  async heartbeat(id: string, now: Date): Promise<void> {
    await this.query(`UPDATE backup_runs SET heartbeat_at = $2 WHERE id = $1 AND status = 'running'`, [id, now]);
  }

  async succeed(id: string, now: Date, contents: BackupContents): Promise<void> {
    await this.query(
      `UPDATE backup_runs SET status = 'succeeded', finished_at = $2, file_name = $3, location = $4, bytes = $5, schema_version = $6,
              tables = $7, rows = $8, attachments = $9, attachment_bytes = $10
        WHERE id = $1`,
      [
        id,
        now,
        contents.fileName,
        contents.location,
        contents.bytes,
        contents.schemaVersion,
        contents.tables,
        contents.rows,
        contents.attachments,
        contents.attachmentBytes,
      ],
    );
  }

  async fail(id: string, now: Date, reason: string): Promise<void> {
    await this.query(
      `UPDATE backup_runs SET status = 'failed', finished_at = $2, failure_reason = $3 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, now, reason.slice(0, 2000)],
    );
  }

  async recordVerification(id: string, now: Date, ok: boolean, detail: string): Promise<void> {
    await this.query(`UPDATE backup_runs SET verify_status = $2, verified_at = $3, verify_detail = $4 WHERE id = $1`, [
      id,
      ok ? 'ok' : 'failed',
      now,
      detail.slice(0, 2000),
    ]);
  }

  /** Files of good backups whose verification has not ended (a worker is verifying them). */
  async awaitingVerification(): Promise<string[]> {
    const rows = await this.query<{ file_name: string }>(
      `SELECT file_name FROM backup_runs WHERE status = 'succeeded' AND verify_status IS NULL AND pruned_at IS NULL`,
      [],
    );
    return rows.map((r) => r.file_name);
  }

  async markPruned(fileNames: string[], now: Date): Promise<void> {
    if (fileNames.length === 0) return;
    await this.query(`UPDATE backup_runs SET pruned_at = $2 WHERE file_name = ANY($1::text[]) AND pruned_at IS NULL`, [
      fileNames,
      now,
    ]);
  }

  /** Runs whose worker stopped writing their heartbeat (it died or was killed): failed, not "running" for ever. */
  async failAbandoned(silentSince: Date, now: Date): Promise<number> {
    const rows = await this.query<{ id: string }>(
      `UPDATE backup_runs SET status = 'failed', finished_at = $2,
              failure_reason = 'Interrupted: the worker taking it stopped (no sign of life since ' || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')'
        WHERE status = 'running' AND heartbeat_at < $1 RETURNING id`,
      [silentSince, now],
    );
    return rows.length;
  }

  async find(id: string): Promise<BackupRun | undefined> {
    const [row] = await this.query<BackupRun>(`SELECT ${COLUMNS} FROM backup_runs WHERE id = $1`, [id]);
    return row;
  }

  async latestGood(): Promise<BackupRun | undefined> {
    const [row] = await this.query<BackupRun>(
      `SELECT ${COLUMNS} FROM backup_runs WHERE status = 'succeeded' ORDER BY finished_at DESC, id DESC LIMIT 1`,
      [],
    );
    return row;
  }

  async latest(): Promise<BackupRun | undefined> {
    const [row] = await this.query<BackupRun>(
      `SELECT ${COLUMNS} FROM backup_runs ORDER BY created_at DESC, id DESC LIMIT 1`,
      [],
    );
    return row;
  }

  /** Newest first, by keyset (created_at, id). */
  async list(page: { limit: number; cursor?: string }): Promise<Page<BackupRun & { cursorAt: string }>> {
    const after = page.cursor ? decodeCursorParts(page.cursor, ['timestamp', 'uuid']) : undefined;
    const rows = await this.query<BackupRun & { cursorAt: string }>(
      `SELECT ${COLUMNS}, created_at::text AS "cursorAt" FROM backup_runs
        WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid)
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return pageOfRows(rows, page.limit, (row) => [row.cursorAt, row.id]);
  }

  /** Whether this stale episode is new: true once per episode (named by the last good run), false after. */
  async claimAlert(episode: string, now: Date): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO backup_alerts (episode, alerted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING episode`,
      [episode, now],
    );
    return rows.length > 0;
  }
}
