import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/access.decorators';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { Role } from '../../../platform/auth/entities/role';
import { IdParam } from '../../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { AssignmentPage, AssignmentView, DeclineDto, ReviewDraftDto, SubmitReviewDto } from '../dto/review.dto';
import { AssignmentsService } from './assignments.service';

/** The expert's review queue and review form. */
@ApiTags('think-tank')
@ApiBearerAuth()
@Controller('think-tank/reviews')
export class ReviewsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'The own review queue' })
  @Get()
  queue(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<AssignmentPage> {
    return this.assignments.queue(actor, query);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Get a review assignment' })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AssignmentView> {
    return this.assignments.get(actor, id);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Accept a review invitation' })
  @ApiConflictResponse({ description: 'Already answered, or the time to answer has passed.' })
  @Post(':id/accept')
  accept(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AssignmentView> {
    return this.assignments.accept(actor, id);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Decline a review invitation' })
  @ApiConflictResponse({ description: 'Already answered, or the time to answer has passed.' })
  @Post(':id/decline')
  decline(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DeclineDto): Promise<AssignmentView> {
    return this.assignments.decline(actor, id, body);
  }

  /** Saves a draft of the review. */
  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Save a review draft' })
  @ApiConflictResponse({ description: 'The assignment is not accepted.' })
  @Put(':id')
  save(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ReviewDraftDto): Promise<AssignmentView> {
    return this.assignments.saveDraft(actor, id, body);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Submit a review' })
  @ApiConflictResponse({ description: 'The assignment is not accepted.' })
  @Post(':id/submit')
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SubmitReviewDto): Promise<AssignmentView> {
    return this.assignments.submit(actor, id, body);
  }
}
