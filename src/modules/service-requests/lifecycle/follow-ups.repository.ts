import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { FollowUpTask } from '../entities/follow-up-task.entity';

/** The officials' call-backs (回访) after a low rating. */
@Injectable()
export class FollowUpsRepository {
  constructor(private readonly tenant: TenantContext) {}

  save(task: Partial<FollowUpTask>): Promise<FollowUpTask> {
    return this.tenant.manager.getRepository(FollowUpTask).save(task);
  }
}
