import { defineJobs } from '../../platform/queue/job-registry';

export enum PairingJob {
  RemindOverduePairings = 'remind-overdue-pairings',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [PairingJob.RemindOverduePairings]: Record<string, never>;
  }
}

// Ownership drift, kept on purpose: the pairing reminders run on the meetings' queue ('meetings').
// Their job scheduler is keyed by the job's name on that queue; moving them would need a drain of
// the old queue and the old scheduler removed.
export const PAIRING_QUEUE = 'meetings';
defineJobs(PAIRING_QUEUE, Object.values(PairingJob));
