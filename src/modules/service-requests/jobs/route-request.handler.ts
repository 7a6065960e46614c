import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { RouteRequest } from '../routing/route-request';
import { ServiceRequestJob } from '../service-requests.jobs';

/** Routes a submitted request to its serving organisation and handler (RouteRequest; safe to run twice). */
@Injectable()
@HandlesJob(ServiceRequestJob.RouteServiceRequest)
export class RouteRequestHandler implements JobHandler<ServiceRequestJob.RouteServiceRequest> {
  constructor(private readonly routing: RouteRequest) {}

  handle({ tenantId, requestId }: JobPayloads[ServiceRequestJob.RouteServiceRequest]): Promise<void> {
    return this.routing.automatically(tenantId, requestId);
  }
}
