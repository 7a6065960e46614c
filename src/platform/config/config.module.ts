import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadEnvironment } from './environment';

/**
 * The validated environment, read when the application is created rather than when this file is
 * imported, so a process (or a test) may set its variables first.
 */
@Global()
@Module({
  providers: [{ provide: ConfigService, useFactory: () => new ConfigService(loadEnvironment()) }],
  exports: [ConfigService],
})
export class ConfigModule {}
