import { Module } from '@nestjs/common';
import { ServiceRequestsModule } from '../service-requests/service-requests.module';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchRepository } from './workbench.repository';
import { WorkbenchService } from './workbench.service';

/**
 * 工作台 (the home page): reads what waits for a person across the features. Each section's
 * states are the owning feature's own (its state machine, enums and exported SQL); the supervision
 * board's list comes from ServiceRequestsService. The counts and short lists are read here, one
 * statement per section, for speed: the owning modules have no count of these.
 */
@Module({
  imports: [ServiceRequestsModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService, WorkbenchRepository],
})
export class WorkbenchModule {}
