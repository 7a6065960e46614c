import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ACTION_ITEMS_QUEUE, ActionItemJob } from './action-items.jobs';
import { ActionItemsEscalationHandler } from './action-items-escalation.handler';
import { ActionItemsController } from './action-items.controller';
import { ActionItemsRepository } from './action-items.repository';
import { ActionItemsService } from './action-items.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';

@Module({
  imports: [PeopleDirectoryModule, OrganizationDirectoryModule],
  controllers: [ActionItemsController],
  providers: [ActionItemsService, ActionItemsRepository],
  exports: [ActionItemsService],
})
export class ActionItemsModule {}

/** Checks for overdue items every hour (one schedule per queue, however many workers). */
@Injectable()
export class ActionItemsSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(ACTION_ITEMS_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ActionItemJob.EscalateActionItems,
      { every: 3600_000 },
      { name: ActionItemJob.EscalateActionItems, data: {} },
    );
  }
}

@Module({
  imports: [PeopleDirectoryModule, OrganizationDirectoryModule],
  providers: [ActionItemsService, ActionItemsRepository, ActionItemsEscalationHandler, ActionItemsSchedule],
})
export class ActionItemsWorkerModule {}
