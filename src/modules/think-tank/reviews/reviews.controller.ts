import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  @Get()
  queue(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<AssignmentPage> {
    return this.assignments.queue(actor, query);
  }

  @Roles(Role.Expert)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AssignmentView> {
    return this.assignments.get(actor, id);
  }

  @Roles(Role.Expert)
  @Post(':id/accept')
  accept(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AssignmentView> {
    return this.assignments.accept(actor, id);
  }

  @Roles(Role.Expert)
  @Post(':id/decline')
  decline(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DeclineDto): Promise<AssignmentView> {
    return this.assignments.decline(actor, id, body);
  }

  /** Saves a draft of the review. */
  @Roles(Role.Expert)
  @Put(':id')
  save(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ReviewDraftDto): Promise<AssignmentView> {
    return this.assignments.saveDraft(actor, id, body);
  }

  @Roles(Role.Expert)
  @Post(':id/submit')
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SubmitReviewDto): Promise<AssignmentView> {
    return this.assignments.submit(actor, id, body);
  }
}
