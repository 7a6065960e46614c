import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { Outbox } from '../../platform/outbox/outbox.service';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { IntakeModelStatus } from './entities/intake-model-run.entity';
import { IntakeJob } from './intake.jobs';
import { IntakeRepository } from './intake.repository';

/** A training queued or running for longer than this was lost with its worker: it no longer blocks a new one. */
const ABANDONED_AFTER_MS = 60 * 60_000;

/** Queues a training of the current township's model, in the caller's transaction (the outbox sends it). */
@Injectable()
export class IntakeTrainingQueue {
  constructor(
    private readonly repository: IntakeRepository,
    private readonly outbox: Outbox,
    private readonly tenant: TenantContext,
    private readonly clock: Clock,
  ) {}

  /** The queued training's id: a new one, or the one already queued or running. */
  async request(requestedById: string | null): Promise<string> {
    const pending = await this.repository.pending();
    if (pending && this.clock.now().getTime() - pending.updatedAt.getTime() < ABANDONED_AFTER_MS) return pending.id;
    if (pending) await this.repository.advance(pending.id, { status: IntakeModelStatus.Failed, error: 'abandoned' });
    const id = await this.repository.insertQueued(requestedById);
    // Another request queued one between the two statements: that one is the answer.
    if (!id) return (await this.repository.pending())?.id ?? '';
    await this.outbox.enqueue(
      { name: IntakeJob.TrainIntakeModel, payload: { tenantId: this.tenant.tenantId, runId: id } },
      { jobId: `${IntakeJob.TrainIntakeModel}-${id}` },
    );
    return id;
  }
}
