import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { type RefusedRow, TransferJob } from './entities/transfer-job.entity';
import { TransferJobKind } from './entities/transfer-job-kind';
import { TransferJobStatus } from './entities/transfer-job-status';

@Injectable()
export class TransferJobsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<TransferJob | null> {
    return this.manager.getRepository(TransferJob).findOne({ where: { id } });
  }

  async readFile(id: string): Promise<Buffer | null> {
    const [row] = await this.manager.query<{ file: Buffer | null }[]>('SELECT file FROM transfer_jobs WHERE id = $1', [
      id,
    ]);
    return row?.file ?? null;
  }

  list(query: {
    kind?: TransferJobKind;
    allianceId?: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<TransferJob>> {
    const qb = this.manager.getRepository(TransferJob).createQueryBuilder('j');
    if (query.kind) qb.andWhere('j.kind = :kind', { kind: query.kind });
    if (query.allianceId) qb.andWhere('j.alliance_id = :allianceId', { allianceId: query.allianceId });
    return keysetPage(qb, { column: 'j.created_at', kind: 'timestamp', idColumn: 'j.id', direction: 'DESC' }, query);
  }

  save(job: Partial<TransferJob>): Promise<TransferJob> {
    return this.manager.getRepository(TransferJob).save(job);
  }

  async update(id: string, changes: Partial<TransferJob>): Promise<void> {
    await this.manager.getRepository(TransferJob).update({ id }, changes);
  }

  /** Counts one more row of an import, in the row's own transaction: processed so far, accepted or refused. */
  async countRow(
    id: string,
    processedRows: number,
    accepted: boolean,
    refusals: RefusedRow[],
    progress: number,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE transfer_jobs SET processed_rows = $2, accepted_rows = accepted_rows + $3,
              refused_rows = refused_rows || $4::jsonb, progress = $5, updated_at = now()
        WHERE id = $1`,
      [id, processedRows, accepted ? 1 : 0, JSON.stringify(refusals), progress],
    );
  }

  /** Queued or running since before `before`, and not waiting in the outbox for a relay; the oldest 200. */
  async openJobIds(before: Date): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT j.id FROM transfer_jobs j
        WHERE j.status IN ('queued', 'running') AND j.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.published_at IS NULL AND o.job_id = 'transfer-' || j.id)
        ORDER BY j.created_at LIMIT 200`,
      [before],
    );
    return rows.map((r) => r.id);
  }

  async statusOf(id: string): Promise<string | undefined> {
    const [row] = await this.manager.query<{ status: string }[]>('SELECT status FROM transfer_jobs WHERE id = $1', [
      id,
    ]);
    return row?.status;
  }

  /** Fails a job that has not finished, dropping its file; false when it had (a result is never overwritten). */
  async failUnlessFinished(id: string, error: string, finishedAt: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(TransferJob)
      .set({ status: TransferJobStatus.Failed, error, finishedAt, file: null })
      .where('id = :id AND status IN (:...open)', { id, open: [TransferJobStatus.Queued, TransferJobStatus.Running] })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
