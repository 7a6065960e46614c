import { Module } from '@nestjs/common';
import { ExportJobsService } from './export-jobs.service';
import { TransferJobsRepository } from './transfer-jobs.repository';

/** The transfer jobs of other features' file exports, for their API and worker sides alike. */
@Module({
  providers: [ExportJobsService, TransferJobsRepository],
  exports: [ExportJobsService],
})
export class ExportJobsModule {}
