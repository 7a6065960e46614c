import { Module } from '@nestjs/common';
import { IntakeTextModule } from './intake-text.module';
import { SimilarRequests } from './similar-requests.service';
import { SimilarRequestsRepository } from './similar-requests.repository';
import { IntakeController } from './intake.controller';
import { IntakeModelCache } from './intake-model-cache.service';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';
import { IntakeTrainingQueue } from './intake-training-queue.service';

/** Smart intake (智能派单) in the API: suggestions while a request is written, the model's figures, retraining. */
@Module({
  imports: [IntakeTextModule],
  controllers: [IntakeController],
  providers: [
    IntakeService,
    IntakeRepository,
    IntakeModelCache,
    IntakeTrainingQueue,
    SimilarRequests,
    SimilarRequestsRepository,
  ],
})
export class IntakeModule {}
