import { Module } from '@nestjs/common';
import { IntakeModelCache } from './intake-model-cache.service';
import { IntakeRepository } from './intake.repository';
import { IntakeRoutingAdvisor } from './intake-routing-advisor.service';

/** Smart intake's door for routing (in the API and the worker): the department the township's history suggests. */
@Module({
  providers: [IntakeRepository, IntakeModelCache, IntakeRoutingAdvisor],
  exports: [IntakeRoutingAdvisor],
})
export class IntakeRoutingModule {}
