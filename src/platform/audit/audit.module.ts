import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { RefusedAccessRecorder } from './refused-access.recorder';

/** The audit log's API, and the recorder of refused authorisations that the exception filter uses. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditRepository, RefusedAccessRecorder],
  exports: [RefusedAccessRecorder],
})
export class AuditModule {}
