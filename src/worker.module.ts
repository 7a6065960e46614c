import { Module } from '@nestjs/common';
import { RegistryTransferWorkerModule } from './modules/registry-transfer/registry-transfer-worker.module';
import { CoreModule } from './platform/core.module';
import { OutboxRelay } from './platform/outbox/outbox-relay.service';
import { QueueModule } from './platform/queue/queue.module';

@Module({
  imports: [CoreModule, QueueModule, RegistryTransferWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
