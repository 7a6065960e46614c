import { Module } from '@nestjs/common';
import { RegistryTransferWorkerModule } from './modules/registry-transfer/registry-transfer-worker.module';
import { AllianceServicesWorkerModule } from './modules/alliance-services/alliance-services-worker.module';
import { ActionItemsWorkerModule } from './modules/action-items/action-items.module';
import { MeetingsWorkerModule } from './modules/meetings/meetings-worker.module';
import { ServiceRequestsWorkerModule } from './modules/service-requests/service-requests-worker.module';
import { CoreModule } from './platform/core.module';
import { NotificationsWorkerModule } from './platform/notifications/notifications-worker.module';
import { OutboxRelay } from './platform/outbox/outbox-relay.service';
import { QueueModule } from './platform/queue/queue.module';

@Module({
  imports: [CoreModule, QueueModule, NotificationsWorkerModule, RegistryTransferWorkerModule, ServiceRequestsWorkerModule, MeetingsWorkerModule, ActionItemsWorkerModule, AllianceServicesWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
