import { defineJobs } from '../../platform/queue/job-registry';

/** Also carries the other features' file exports (statistics, dashboard): they share its worker and concurrency. */
export const REGISTRY_QUEUE = 'registry';

/** A transfer job's id in its queue, so that the sweeper can ask BullMQ about it (transfer-job-sweeper.ts). */
export const transferQueueJobId = (transferJobId: string): string => `transfer-${transferJobId}`;

export enum RegistryTransferJob {
  ImportMembers = 'import-members',
  ExportRegistry = 'export-registry',
  SweepTransferJobs = 'sweep-transfer-jobs',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [RegistryTransferJob.ImportMembers]: { tenantId: string; transferJobId: string };
    [RegistryTransferJob.ExportRegistry]: { tenantId: string; transferJobId: string };
    [RegistryTransferJob.SweepTransferJobs]: Record<string, never>;
  }
}

defineJobs(REGISTRY_QUEUE, Object.values(RegistryTransferJob));
