import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * Logs what BullMQ workers report as errors: a lock lost while a job ran (the process stalled and
 * another worker took the job), Redis going away. Without a listener BullMQ prints them with
 * console.error, outside the structured log.
 */
@Injectable()
export class WorkerErrorLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('QueueWorker');

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (!isWorkerHost(instance)) continue;
      const worker = instance.worker;
      worker.on('error', (error: Error) => this.logger.warn({ err: error, queue: worker.name }, 'Queue worker error'));
    }
  }
}

/** A provider that is a BullMQ processor; the discovery service's instances are untyped. */
function isWorkerHost(instance: unknown): instance is WorkerHost {
  return instance instanceof WorkerHost;
}
