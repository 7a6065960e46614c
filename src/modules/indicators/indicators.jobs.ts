import { defineJobs } from '../../platform/queue/job-registry';

export enum IndicatorJob {
  RemindIndicatorRounds = 'remind-indicator-rounds',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [IndicatorJob.RemindIndicatorRounds]: Record<string, never>;
  }
}

// Ownership drift, kept on purpose: the reminders run on the alliance services' queue
// ('alliance-services', whose worker also keeps their daily schedule). The job scheduler is keyed
// by the job's name on that queue; moving it would need a drain of the old queue.
defineJobs('alliance-services', Object.values(IndicatorJob));
