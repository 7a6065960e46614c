import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../../platform/queue/queue.constants';
import { ServiceRequestsModule } from '../service-requests/service-requests.module';
import { PairingRemindersHandler } from './pairing-reminders.handler';
import { PairingController } from './pairing.controller';
import { PairingService } from './pairing.service';

@Module({ imports: [ServiceRequestsModule], controllers: [PairingController], providers: [PairingService] })
export class PairingModule {}

/** Reminds officials of overdue pairs every morning at 09:00 Shanghai time (one schedule however many workers). */
@Injectable()
export class PairingSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Meetings) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(JobName.RemindOverduePairings, { pattern: '0 9 * * *', tz: 'Asia/Shanghai' }, { name: JobName.RemindOverduePairings, data: {} });
  }
}

@Module({ providers: [PairingRemindersHandler, PairingSchedule] })
export class PairingWorkerModule {}
