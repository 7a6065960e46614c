import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { backupState, readBackupFreshness } from '../backup/operations/backup-status';
import { Clock } from '../clock/clock';
import type { Environment } from '../config/environment';

/**
 * Backups in /health: a warning when the last good backup is stale or the last run failed, never a
 * failure (a load balancer must not take a serving API out for it). Only when BACKUP_KEY is set.
 */
@Injectable()
export class BackupHealth {
  private readonly logger = new Logger(BackupHealth.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async warnings(): Promise<{ backup: { state: string; lastGoodAt: Date | null } } | undefined> {
    if (!this.config.get('BACKUP_KEY', { infer: true })) return undefined;
    try {
      const freshness = await readBackupFreshness(this.dataSource);
      const state = backupState(
        freshness,
        true,
        this.config.get('BACKUP_SCHEDULE', { infer: true }) !== 'off',
        this.clock.now(),
      );
      return state === 'stale' || state === 'failed'
        ? { backup: { state, lastGoodAt: freshness.lastGoodAt } }
        : undefined;
    } catch (error) {
      // The database check above reports a database that is down; this stays a warning at most.
      this.logger.warn({ err: error }, 'Could not read the backups for /health');
      return undefined;
    }
  }
}
