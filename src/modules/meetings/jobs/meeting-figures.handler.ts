import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { MeetingFigures } from '../figures/meeting-figures.service';
import { MeetingJob } from '../meetings.jobs';

/**
 * Folds the days whose meetings, invitations or check-ins changed back into the daily sums,
 * township by township. The figures are exact without it (changed days are counted live); this
 * keeps the live part to the last few seconds' days.
 */
@Injectable()
@HandlesJob(MeetingJob.RefreshMeetingFigures)
export class MeetingFiguresHandler implements JobHandler<MeetingJob.RefreshMeetingFigures> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly figures: MeetingFigures,
  ) {}

  handle(): Promise<number> {
    return this.tenant.sumOverTownships(() => this.figures.refresh());
  }
}
