import { defineJobs } from '../../platform/queue/job-registry';

export enum DashboardJob {
  ExportDashboard = 'export-dashboard',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [DashboardJob.ExportDashboard]: { tenantId: string; transferJobId: string };
  }
}

// Ownership drift, kept on purpose: the dashboard export runs on the registry transfers' queue
// ('registry', whose worker serves every file export). Jobs already queued and the name stay as
// they are; moving it would need a drain of the old queue.
defineJobs('registry', Object.values(DashboardJob));
