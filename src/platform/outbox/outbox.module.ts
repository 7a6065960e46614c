import { Global, Module } from '@nestjs/common';
import { OutboxClaimsRepository } from './outbox-claims.repository';
import { Outbox } from './outbox.service';

/** The outbox for every module; the relay (WorkerModule) takes its statements from OutboxClaimsRepository. */
@Global()
@Module({ providers: [Outbox, OutboxClaimsRepository], exports: [Outbox, OutboxClaimsRepository] })
export class OutboxModule {}
