import { Injectable, Logger } from '@nestjs/common';
import { gzipSync } from 'node:zlib';
import { Clock } from '../../../platform/clock/clock';
import { HandlesJob, type JobContext, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { IntakeModelStatus } from '../entities/intake-model-run.entity';
import { type IntakeModelData, MIN_EXAMPLES, trainIntakeModel } from '../model/intake-model';
import { loadSegmenter } from '../text/segmenter';
import { IntakeJob } from '../intake.jobs';
import { IntakeRepository } from '../intake.repository';

/** A stored model: the trained heads and the names of the organisations its department head names. */
export interface StoredIntakeModel extends IntakeModelData {
  departmentNames: Record<string, string>;
}

/**
 * Trains one township's model from its own history alone: every read runs as that township's
 * system actor, under its row-level security, so nothing of another township can reach it. Each
 * step is its own short transaction (the progress shows while it trains). Safe to run twice: a
 * training that is no longer queued or running is left as it is.
 */
@Injectable()
@HandlesJob(IntakeJob.TrainIntakeModel)
export class TrainModelHandler implements JobHandler<IntakeJob.TrainIntakeModel> {
  private readonly logger = new Logger(TrainModelHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: IntakeRepository,
    private readonly clock: Clock,
  ) {}

  async handle(payload: JobPayloads[IntakeJob.TrainIntakeModel], context: JobContext): Promise<string> {
    const actor = systemActor(payload.tenantId);
    const inTownship = <T>(work: () => Promise<T>) => this.tenant.run(actor, work);
    const { runId } = payload;
    if (!(await inTownship(() => this.repository.advance(runId, { status: IntakeModelStatus.Running, progress: 1 }))))
      return 'not pending';
    try {
      const started = process.hrtime.bigint();
      const [examples, terms] = await inTownship(() =>
        Promise.all([this.repository.trainingHistory(), this.repository.terms()]),
      );
      if (examples.length < MIN_EXAMPLES) {
        await inTownship(() =>
          this.repository.advance(runId, { status: IntakeModelStatus.Failed, error: 'not_enough_history' }),
        );
        return 'not enough history';
      }
      const cut = await loadSegmenter();
      const { data, evaluation } = await trainIntakeModel(examples, terms, cut, async (percent) => {
        await inTownship(() => this.repository.advance(runId, { progress: Math.max(1, percent) }));
        await context.progress(percent);
      });
      const departmentNames = await inTownship(() => this.repository.organizationNames(data.department.labels));
      const stored: StoredIntakeModel = { ...data, departmentNames };
      await inTownship(() =>
        this.repository.storeModel(runId, {
          trainedAt: this.clock.now(),
          sampleCount: examples.length,
          accuracy: evaluation,
          model: gzipSync(JSON.stringify(stored)),
        }),
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      this.logger.log({ tenantId: payload.tenantId, runId, samples: examples.length, ms }, 'Intake model trained');
      return 'trained';
    } catch (error) {
      if (context.attempt >= context.maxAttempts)
        await inTownship(() =>
          this.repository.advance(runId, { status: IntakeModelStatus.Failed, error: 'training_failed' }),
        );
      throw error;
    }
  }
}
