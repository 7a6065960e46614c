import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Says when a process starts and finishes shutting down, so operators can tell a clean stop from a crash. */
@Injectable()
export class ShutdownReporter implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Shutting down${signal ? ` on ${signal}` : ''}: finishing in-flight work`);
  }

  onApplicationShutdown(): void {
    this.logger.log('Stopped cleanly');
  }
}
