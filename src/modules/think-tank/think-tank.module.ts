import { Module } from '@nestjs/common';
import { ActionItemsModule } from '../action-items/action-items.module';
import { ExpertsController } from './experts/experts.controller';
import { ExpertsRepository } from './experts/experts.repository';
import { ExpertsService } from './experts/experts.service';
import { LibraryController } from './library/library.controller';
import { LibraryRepository } from './library/library.repository';
import { LibraryService } from './library/library.service';
import { ReportAccessService } from './reports/report-access.service';
import { ReportViewsService } from './reports/report-views.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { AssignmentsRepository } from './reviews/assignments.repository';
import { AssignmentsService } from './reviews/assignments.service';
import { DecisionsService } from './reviews/decisions.service';
import { ReviewCandidatesRepository } from './reviews/review-candidates.repository';
import { ReviewCandidatesService } from './reviews/review-candidates.service';
import { ReviewsController } from './reviews/reviews.controller';
import { RubricRepository } from './reviews/rubric.repository';
import { RubricService } from './reviews/rubric.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';

/** The think tank (智库): experts, research reports reviewed in rounds, the library. */
@Module({
  imports: [PeopleDirectoryModule, OrganizationDirectoryModule, ActionItemsModule],
  controllers: [ExpertsController, ReportsController, ReviewsController, LibraryController],
  providers: [
    ExpertsRepository,
    LibraryRepository,
    ReportsRepository,
    AssignmentsRepository,
    ReviewCandidatesRepository,
    RubricRepository,
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
