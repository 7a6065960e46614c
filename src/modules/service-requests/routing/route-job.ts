import { outboxJob } from '../../../platform/outbox/outbox.service';
import type { JobMap } from '../../../platform/queue/job-registry';
import { ServiceRequestJob } from '../service-requests.jobs';
import type { OutboxEvent } from '../../../platform/outbox/outbox-event.entity';

/** One routing job per request, ever: the outbox relay and BullMQ both refuse a second with this id. */
export function routeJobId(requestId: string): string {
  return `route-${requestId}`;
}

/** The job that routes a request, from the typed job map. */
export function routeJob(
  tenantId: string,
  requestId: string,
): { name: ServiceRequestJob.RouteServiceRequest; payload: JobMap[ServiceRequestJob.RouteServiceRequest] } {
  return { name: ServiceRequestJob.RouteServiceRequest, payload: { tenantId, requestId } };
}

/** Its outbox row, for the submission's statement that stores the request and this row together. */
export function routeJobRow(
  tenantId: string,
  requestId: string,
): Pick<OutboxEvent, 'queue' | 'jobName' | 'payload' | 'jobId'> {
  return { ...outboxJob(routeJob(tenantId, requestId)), jobId: routeJobId(requestId) };
}
