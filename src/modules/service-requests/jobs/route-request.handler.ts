import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../../platform/config/environment';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { RouteRequest } from '../routing/route-request';
import { ServiceRequestJob } from '../service-requests.jobs';

/**
 * Routes a submitted request to its serving organisation and handler (RouteRequest; safe to run
 * twice), with up to ROUTING_COMPANIONS other waiting requests of the township: a burst then costs
 * one transaction per batch, and the others' jobs find their request routed and change nothing.
 */
@Injectable()
@HandlesJob(ServiceRequestJob.RouteServiceRequest)
export class RouteRequestHandler implements JobHandler<ServiceRequestJob.RouteServiceRequest> {
  constructor(
    private readonly routing: RouteRequest,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  handle({ tenantId, requestId }: JobPayloads[ServiceRequestJob.RouteServiceRequest]): Promise<void> {
    return this.routing.automatically(tenantId, requestId, this.config.get('ROUTING_COMPANIONS', { infer: true }));
  }
}
