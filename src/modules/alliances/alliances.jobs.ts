import { defineJobs } from '../../platform/queue/job-registry';

export const ALLIANCES_QUEUE = 'alliances';

export enum AllianceJob {
  RefreshMemberFigures = 'refresh-member-figures',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [AllianceJob.RefreshMemberFigures]: Record<string, never>;
  }
}

defineJobs(ALLIANCES_QUEUE, Object.values(AllianceJob));
