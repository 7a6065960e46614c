import { Injectable } from '@nestjs/common';
import { type JobItem, queueOf } from '../queue/job-registry';
import { TenantContext } from '../tenancy/tenant-context.service';
import { OutboxEvent } from './outbox-event.entity';

/** Notified by the outbox_events statement trigger (migration OutboxNotifyTrigger) when rows are added. */
export const OUTBOX_CHANNEL = 'outbox_event';

type EventRow = Pick<OutboxEvent, 'jobId' | 'notBefore' | 'timer'>;

/** An outbox row as a statement of another module writes it (`timerRows`). */
export type OutboxRow = Pick<
  OutboxEvent,
  'tenantId' | 'queue' | 'jobName' | 'payload' | 'jobId' | 'notBefore' | 'timer'
>;

/** Records a job in the current transaction; the relay in the worker hands it to BullMQ after commit. */
@Injectable()
export class Outbox {
  constructor(private readonly tenant: TenantContext) {}

  async enqueue(item: JobItem, options: { jobId?: string; notBefore?: Date } = {}): Promise<string> {
    const [id] = await this.save(item, [
      { jobId: options.jobId ?? null, notBefore: options.notBefore ?? null, timer: null },
    ]);
    return id;
  }

  /**
   * Moves timer `key` from `from` to `to` (null: none): a delayed `item` whose job id names its
   * time, so the timer that is running now never blocks its successor. Timers are best effort by
   * design (a pending one the relay cannot remove still fires), so whatever they serve must also be
   * swept from the database, as the SLA sweep does.
   */
  async moveTimer(item: JobItem, key: string, from: Date | null, to: Date | null): Promise<void> {
    const moves = timerMoves(key, from, to);
    if (moves.length > 0) await this.save(item, moves);
  }

  /**
   * The rows `moveTimer` would write, for a statement that writes them beside its own changes (a
   * lifecycle step moves the SLA timer in its UPDATE's round trip); none when the timer stays.
   */
  timerRows(item: JobItem, key: string, from: Date | null, to: Date | null): OutboxRow[] {
    return timerMoves(key, from, to).map((row) => ({ tenantId: this.tenantId, ...outboxJob(item), ...row }));
  }

  private get tenantId(): string | null {
    return this.tenant.actorOrNull?.tenantId ?? null;
  }

  /** One INSERT for all the rows: save() writes the rows of one entity together. */
  private async save(item: JobItem, rows: EventRow[]): Promise<string[]> {
    const saved = await this.tenant.manager
      .getRepository(OutboxEvent)
      .save(rows.map((row) => ({ tenantId: this.tenantId, ...outboxJob(item), ...row })));
    return saved.map((event) => event.id);
  }
}

/**
 * The columns of a job's outbox row, from the typed job map: for a statement that writes its row
 * itself (a submission stores its request and its routing job in one round trip).
 */
export function outboxJob(item: JobItem): Pick<OutboxEvent, 'queue' | 'jobName' | 'payload'> {
  return { queue: queueOf(item.name), jobName: item.name, payload: item.payload };
}

function timerMoves(key: string, from: Date | null, to: Date | null): EventRow[] {
  const moves: EventRow[] = [];
  if (from) moves.push({ jobId: timerJobId(key, from), notBefore: null, timer: 'cancel' });
  if (to) moves.push({ jobId: timerJobId(key, to), notBefore: to, timer: 'set' });
  return moves;
}

/** The job id of timer `key` set for `at`. */
export function timerJobId(key: string, at: Date): string {
  return `${key}-${at.getTime()}`;
}
