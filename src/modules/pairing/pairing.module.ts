import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PAIRING_QUEUE, PairingJob } from './pairing.jobs';
import { ServiceRequestsModule } from '../service-requests/service-requests.module';
import { PairingRemindersHandler } from './pairing-reminders.handler';
import { PairingController } from './pairing.controller';
import { PairingRepository } from './pairing.repository';
import { PairingService } from './pairing.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';

@Module({
  imports: [PeopleDirectoryModule, OrganizationDirectoryModule, ServiceRequestsModule],
  controllers: [PairingController],
  providers: [PairingService, PairingRepository],
})
export class PairingModule {}

/** Reminds officials of overdue pairs every morning at 09:00 Shanghai time (one schedule however many workers). */
@Injectable()
export class PairingSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(PAIRING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      PairingJob.RemindOverduePairings,
      { pattern: '0 9 * * *', tz: 'Asia/Shanghai' },
      { name: PairingJob.RemindOverduePairings, data: {} },
    );
  }
}

@Module({ providers: [PairingRemindersHandler, PairingRepository, PairingSchedule] })
export class PairingWorkerModule {}
