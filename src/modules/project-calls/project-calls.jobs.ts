import { defineJobs } from '../../platform/queue/job-registry';

export enum ProjectCallJob {
  RemindProjectDeadlines = 'remind-project-deadlines',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [ProjectCallJob.RemindProjectDeadlines]: Record<string, never>;
  }
}

// Ownership drift, kept on purpose: the reminders run on the alliance services' queue
// ('alliance-services', whose worker also keeps their daily schedule). The job scheduler is keyed
// by the job's name on that queue; moving it would need a drain of the old queue.
defineJobs('alliance-services', Object.values(ProjectCallJob));
