import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { basename } from 'node:path';
import { Clock } from '../../clock/clock';
import type { Environment } from '../../config/environment';
import { FileStorage } from '../../storage/file-storage';
import { createBackup } from '../create-backup';
import { applyRetention } from '../retention';
import { ABANDONED_AFTER_MS, HEARTBEAT_EVERY_MS } from './backup-run';
import { BackupRunsRepository } from './backup-runs.repository';
import { backupStoreFromEnvironment, type BackupStore } from './backup-store';
import { verifyByRestore } from './verify-by-restore';

/**
 * The worker's backups: takes one (scheduled or asked for), keeps it in the backup store, applies
 * verifies the new backup by restoring it into a scratch database, then applies the retention to the
 * store's listing. Every step is recorded on the run's row.
 */
@Injectable()
export class BackupOperations {
  private readonly logger = new Logger(BackupOperations.name);

  constructor(
    private readonly runs: BackupRunsRepository,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
    private readonly storage: FileStorage,
  ) {}

  private env<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
  }

  store(): BackupStore {
    return backupStoreFromEnvironment({
      BACKUP_STORE: this.env('BACKUP_STORE'),
      BACKUP_DIR: this.env('BACKUP_DIR'),
      S3_ENDPOINT: this.env('S3_ENDPOINT'),
      S3_REGION: this.env('S3_REGION'),
      S3_BUCKET: this.env('S3_BUCKET'),
      S3_ACCESS_KEY_ID: this.env('S3_ACCESS_KEY_ID'),
      S3_SECRET_ACCESS_KEY: this.env('S3_SECRET_ACCESS_KEY'),
    });
  }

  /** The run of a schedule's tick, once however many workers got the tick; undefined when another has it. */
  async takeScheduled(scheduledFor: Date): Promise<string | undefined> {
    const now = this.clock.now();
    const id = await this.runs.asPlatform(async () => {
      await this.runs.failAbandoned(new Date(now.getTime() - ABANDONED_AFTER_MS), now);
      return this.runs.insertScheduled(scheduledFor, now);
    });
    if (!id) {
      this.logger.log({ scheduledFor }, 'This scheduled backup is taken already');
      return undefined;
    }
    await this.take(id);
    return id;
  }

  /** A run a platform admin asked for; nothing when it was taken already (the job ran twice). */
  async takeRequested(runId: string): Promise<void> {
    const started = await this.runs.asPlatform(() => this.runs.start(runId, this.clock.now()));
    if (started) await this.take(runId);
  }

  private async take(runId: string): Promise<void> {
    const passphrase = this.env('BACKUP_KEY');
    if (!passphrase) {
      await this.runs.asPlatform(() =>
        this.runs.fail(runId, this.clock.now(), 'BACKUP_KEY is not set: backups are not configured'),
      );
      return;
    }
    const store = this.store();
    const heartbeat = setInterval(
      () => void this.runs.asPlatform(() => this.runs.heartbeat(runId, this.clock.now())).catch(() => undefined),
      HEARTBEAT_EVERY_MS,
    );
    let kept: { name: string } | undefined;
    try {
      const directory = await store.workDirectory();
      const result = await createBackup({
        adminUrl: this.env('DATABASE_ADMIN_URL'),
        storage: this.storage,
        passphrase,
        directory,
        now: this.clock.now(),
      });
      const name = basename(result.path);
      const location = await store.keep(result.path, name);
      const { manifest } = result;
      await this.runs.asPlatform(() =>
        this.runs.succeed(runId, this.clock.now(), {
          fileName: name,
          location,
          bytes: result.bytes,
          schemaVersion: manifest.schemaVersion,
          tables: manifest.tables.length,
          rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
          attachments: manifest.files.length,
          attachmentBytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
        }),
      );
      kept = { name };
      this.logger.log({ runId, file: location, bytes: result.bytes }, 'Backup taken');
    } catch (error) {
      this.logger.error({ runId, err: error }, 'Backup failed');
      await this.runs.asPlatform(() =>
        this.runs.fail(runId, this.clock.now(), (error as Error).message ?? String(error)),
      );
      return;
    } finally {
      clearInterval(heartbeat);
    }
    // Verified before the retention runs: a second backup of the same day replaces the first in it.
    await this.verify(runId, store, kept.name);
    await this.prune(store).catch((error: unknown) =>
      this.logger.error({ err: error }, 'Could not apply the backup retention'),
    );
  }

  /** The retention on the store's own listing (files the record never saw included). */
  async prune(store: BackupStore): Promise<string[]> {
    // Not a backup another worker is still verifying.
    const pending = new Set(await this.runs.asPlatform(() => this.runs.awaitingVerification()));
    const { remove } = applyRetention(
      (await store.list()).filter((backup) => !pending.has(backup.name)),
      {
        daily: this.env('BACKUP_KEEP_DAILY'),
        weekly: this.env('BACKUP_KEEP_WEEKLY'),
        monthly: this.env('BACKUP_KEEP_MONTHLY'),
      },
    );
    for (const backup of remove) await store.remove(backup.name);
    const removed = remove.map((b) => b.name);
    await this.runs.asPlatform(() => this.runs.markPruned(removed, this.clock.now()));
    if (removed.length > 0) this.logger.log({ removed }, 'Backups removed by the retention');
    return removed;
  }

  /** Restores the backup into a scratch database and records whether every check passed. */
  async verify(runId: string, store: BackupStore, name: string): Promise<boolean> {
    let ok = false;
    let detail: string;
    try {
      const copy = await store.open(name);
      try {
        const result = await verifyByRestore({
          path: copy.path,
          passphrase: this.env('BACKUP_KEY')!,
          adminUrl: this.env('DATABASE_ADMIN_URL'),
          appUrl: this.env('DATABASE_URL'),
          runId,
        });
        ok = true;
        detail = `Restored into a scratch database: ${result.tables} tables, ${result.rows} rows and ${result.files} attachments match the backup's counts, checksums and hashes`;
      } finally {
        await copy.release();
      }
    } catch (error) {
      detail = (error as Error).message ?? String(error);
      this.logger.error({ runId, err: error }, 'Backup verification failed');
    }
    await this.runs.asPlatform(() => this.runs.recordVerification(runId, this.clock.now(), ok, detail));
    return ok;
  }
}
