import { defineJobs } from '../../platform/queue/job-registry';
import { REGISTRY_QUEUE } from '../registry-transfer/registry-transfer.jobs';

export enum LedgerJob {
  BuildLedger = 'build-ledger',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [LedgerJob.BuildLedger]: { tenantId: string; transferJobId: string };
  }
}

// On the registry transfers' queue, whose worker serves every file export and follows its job rows.
defineJobs(REGISTRY_QUEUE, Object.values(LedgerJob));
