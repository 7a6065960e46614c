import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

/** The alliance's ledger (工作台账): the API side. */
@Module({
  imports: [AlliancesModule, ExportJobsModule],
  controllers: [LedgerController],
  providers: [LedgerService],
})
export class LedgerModule {}
