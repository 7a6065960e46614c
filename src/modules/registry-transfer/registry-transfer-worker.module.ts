import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RegistryExportHandler } from './export/registry-export.handler';
import { MemberImportHandler } from './import/member-import.handler';
import { RegistryTransferProcessor } from './registry-transfer.processor';
import { TransferJobFailures } from './transfer-job-failures';
import { SweepTransferJobsHandler, TransferJobSchedules } from './transfer-job-sweeper';
import { TransferJobsRepository } from './transfer-jobs.repository';

/** The worker side: the processor, the handlers of imports and exports, and the sweep of jobs lost. */
@Module({
  imports: [AlliancesModule, OrganizationsModule],
  providers: [
    RegistryTransferProcessor,
    MemberImportHandler,
    RegistryExportHandler,
    TransferJobsRepository,
    TransferJobFailures,
    SweepTransferJobsHandler,
    TransferJobSchedules,
  ],
})
export class RegistryTransferWorkerModule {}
