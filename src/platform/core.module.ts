import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar/calendar.service';
import { Clock, SystemClock } from './clock/clock';
import { ConfigModule } from './config/config.module';
import { LoggerModule } from './config/logger.module';
import { DatabaseModule } from './database/database.module';
import { NotifierModule } from './notifications/notifications.module';
import { OutboxModule } from './outbox/outbox.module';
import { RedisModule } from './redis/redis.module';
import { ShutdownReporter } from './shutdown-reporter';
import { StorageModule } from './storage/storage.module';
import { TenantContext } from './tenancy/tenant-context.service';

/** What both processes stand on: configuration, logs, the database under RLS, Redis, the clock. */
@Global()
@Module({
  imports: [ConfigModule, LoggerModule, DatabaseModule, RedisModule, OutboxModule, NotifierModule, StorageModule],
  providers: [TenantContext, CalendarService, ShutdownReporter, { provide: Clock, useClass: SystemClock }],
  exports: [TenantContext, CalendarService, Clock],
})
export class CoreModule {}
