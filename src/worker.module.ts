// First: every feature's jobs, before the queues are registered below.
import './queues';
// And every feature's notification types, so the registry is complete before anything reads it.
import './notification-types';
import { Module } from '@nestjs/common';
import { RegistryTransferWorkerModule } from './modules/registry-transfer/registry-transfer-worker.module';
import { AllianceServicesWorkerModule } from './modules/alliance-services/alliance-services-worker.module';
import { AlliancesWorkerModule } from './modules/alliances/alliances-worker.module';
import { ActionItemsWorkerModule } from './modules/action-items/action-items.module';
import { DashboardWorkerModule } from './modules/dashboard/dashboard-worker.module';
import { LedgerWorkerModule } from './modules/ledger/ledger-worker.module';
import { PairingWorkerModule } from './modules/pairing/pairing.module';
import { MeetingsWorkerModule } from './modules/meetings/meetings-worker.module';
import { ServiceRequestsWorkerModule } from './modules/service-requests/service-requests-worker.module';
import { IntakeWorkerModule } from './modules/intake/intake-worker.module';
import { ThinkTankWorkerModule } from './modules/think-tank/think-tank-worker.module';
import { BackupWorkerModule } from './platform/backup/backup-worker.module';
import { CoreModule } from './platform/core.module';
import { NotificationsWorkerModule } from './platform/notifications/notifications-worker.module';
import { OutboxRelay } from './platform/outbox/outbox-relay.service';
import { QueueModule } from './platform/queue/queue.module';
import { WorkerHeartbeat } from './platform/queue/worker-heartbeat';

@Module({
  imports: [
    CoreModule,
    QueueModule.forRoot(),
    NotificationsWorkerModule,
    RegistryTransferWorkerModule,
    ServiceRequestsWorkerModule,
    MeetingsWorkerModule,
    ActionItemsWorkerModule,
    ThinkTankWorkerModule,
    DashboardWorkerModule,
    LedgerWorkerModule,
    PairingWorkerModule,
    AllianceServicesWorkerModule,
    AlliancesWorkerModule,
    IntakeWorkerModule,
    BackupWorkerModule,
  ],
  providers: [OutboxRelay, WorkerHeartbeat],
})
export class WorkerModule {}
