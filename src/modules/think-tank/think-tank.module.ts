import { Module } from '@nestjs/common';
import { ActionItemsModule } from '../action-items/action-items.module';
import { ExpertsController } from './experts/experts.controller';
import { ExpertsService } from './experts/experts.service';
import { LibraryController } from './library/library.controller';
import { LibraryService } from './library/library.service';
import { ReportAccessService } from './reports/report-access.service';
import { ReportViewsService } from './reports/report-views.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { AssignmentsService } from './reviews/assignments.service';
import { DecisionsService } from './reviews/decisions.service';
import { ReviewCandidatesService } from './reviews/review-candidates.service';
import { ReviewsController } from './reviews/reviews.controller';
import { RubricService } from './reviews/rubric.service';

/** The think tank (智库): experts, research reports reviewed in rounds, the library. */
@Module({
  imports: [ActionItemsModule],
  controllers: [ExpertsController, ReportsController, ReviewsController, LibraryController],
  providers: [
    ExpertsService,
    ReportAccessService,
    ReportViewsService,
    ReportsService,
    RubricService,
    ReviewCandidatesService,
    AssignmentsService,
    DecisionsService,
    LibraryService,
  ],
})
export class ThinkTankModule {}
