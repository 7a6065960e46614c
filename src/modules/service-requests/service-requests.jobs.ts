import { defineJobs } from '../../platform/queue/job-registry';

export const SERVICE_REQUESTS_QUEUE = 'service-requests';

/** A resolved request nobody rated or closed closes by itself this many days after resolution (AutoCloseResolved). */
export const AUTO_CLOSE_AFTER_DAYS = 7;

export enum ServiceRequestJob {
  RouteServiceRequest = 'route-service-request',
  CheckSla = 'check-sla',
  SweepSla = 'sweep-sla',
  AutoCloseResolved = 'auto-close-resolved',
  RefreshServiceStatistics = 'refresh-service-statistics',
  ExportServiceStatistics = 'export-service-statistics',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [ServiceRequestJob.RouteServiceRequest]: { tenantId: string; requestId: string };
    [ServiceRequestJob.CheckSla]: { tenantId: string; requestId: string };
    [ServiceRequestJob.SweepSla]: Record<string, never>;
    [ServiceRequestJob.AutoCloseResolved]: Record<string, never>;
    [ServiceRequestJob.RefreshServiceStatistics]: Record<string, never>;
    [ServiceRequestJob.ExportServiceStatistics]: { tenantId: string; transferJobId: string };
  }
}

defineJobs(SERVICE_REQUESTS_QUEUE, [
  ServiceRequestJob.RouteServiceRequest,
  ServiceRequestJob.CheckSla,
  ServiceRequestJob.SweepSla,
  ServiceRequestJob.AutoCloseResolved,
  ServiceRequestJob.RefreshServiceStatistics,
]);
// Ownership drift, kept on purpose: the statistics export runs on the registry transfers' queue
// ('registry', whose worker serves every file export). Jobs already queued and the name stay as
// they are; moving it would need a drain of the old queue.
defineJobs('registry', [ServiceRequestJob.ExportServiceStatistics]);
