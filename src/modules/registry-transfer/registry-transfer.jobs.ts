import { defineJobs } from '../../platform/queue/job-registry';

/** Also carries the other features' file exports (statistics, dashboard): they share its worker and concurrency. */
export const REGISTRY_QUEUE = 'registry';

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
