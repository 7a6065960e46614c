import { defineJobs } from '../../platform/queue/job-registry';

export const INTAKE_QUEUE = 'intake';

export enum IntakeJob {
  /** Trains one township's model: the row of intake_models it was queued as. */
  TrainIntakeModel = 'train-intake-model',
  /** Nightly: queues a training for every township. */
  TrainIntakeModels = 'train-intake-models',
  /** Every minute: cuts newly resolved requests into terms for the similar requests. */
  IndexResolvedRequests = 'index-resolved-requests',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [IntakeJob.TrainIntakeModel]: { tenantId: string; runId: string };
    [IntakeJob.TrainIntakeModels]: Record<string, never>;
    [IntakeJob.IndexResolvedRequests]: Record<string, never>;
  }
}

defineJobs(INTAKE_QUEUE, [IntakeJob.TrainIntakeModel, IntakeJob.TrainIntakeModels, IntakeJob.IndexResolvedRequests]);
