import { Module } from '@nestjs/common';
import { BackupRunsController } from './operations/backup-runs.controller';
import { BackupRunsRepository } from './operations/backup-runs.repository';
import { BackupRunsService } from './operations/backup-runs.service';

/** The platform admin's routes for backups (the worker's side is BackupWorkerModule). */
@Module({
  controllers: [BackupRunsController],
  providers: [BackupRunsRepository, BackupRunsService],
})
export class BackupsApiModule {}
