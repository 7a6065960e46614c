import { Module } from '@nestjs/common';
import { IntakeController } from './intake.controller';
import { IntakeModelCache } from './intake-model-cache.service';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';
import { IntakeTrainingQueue } from './intake-training-queue.service';

/** Smart intake (智能派单) in the API: suggestions while a request is written, the model's figures, retraining. */
@Module({
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRepository, IntakeModelCache, IntakeTrainingQueue],
})
export class IntakeModule {}
