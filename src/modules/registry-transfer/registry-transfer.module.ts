import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { TransferJobsController } from './transfer-jobs.controller';
import { TransferJobsRepository } from './transfer-jobs.repository';
import { TransferJobsService } from './transfer-jobs.service';

/** The API side: start jobs, follow them, download the results. */
@Module({
  imports: [AlliancesModule],
  controllers: [TransferJobsController],
  providers: [TransferJobsService, TransferJobsRepository],
})
export class RegistryTransferModule {}
