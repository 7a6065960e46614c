import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { writeFile } from 'node:fs/promises';
import { SystemClock } from '../clock/clock';
import type { Environment } from '../config/environment';

export const HEARTBEAT_EVERY_MS = 5000;

/**
 * The worker serves no HTTP, so its liveness is a file it rewrites every few seconds while its event
 * loop runs (WORKER_HEARTBEAT_FILE; Kubernetes' exec probe checks that the file is fresh). It starts
 * once every queue's worker is up, and checks no dependency: a Redis or database outage is not
 * fixed by a restart, a stuck process is. A restarted worker's jobs go to the others when their
 * locks expire.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer?: NodeJS.Timeout;
  private warned = false;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async onApplicationBootstrap(): Promise<void> {
    const file = this.config.get('WORKER_HEARTBEAT_FILE', { infer: true });
    if (!file) return;
    // The machine's time on purpose (SystemClock, never the injected Clock, which a test may pin): the
    // probe compares the file's age with it.
    const machine = new SystemClock();
    const beat = () =>
      writeFile(file, `${machine.now().toISOString()}\n`).catch((error: unknown) => {
        if (!this.warned) this.logger.warn({ err: error, file }, 'Could not write the heartbeat file');
        this.warned = true;
      });
    await beat();
    this.timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
