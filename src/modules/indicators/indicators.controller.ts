import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { OpenRoundDto, RescheduleRoundDto, SaveSubmissionDto } from './dto/indicator.dto';
import {
  CataloguePage,
  ProgressPage,
  RoundPage,
  RoundResultsView,
  RoundView,
  SubmissionView,
} from './dto/indicator.view';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** The indicators a round may ask for, with type, unit and minimum. */
  @SignedIn()
  @ApiOperation({ summary: 'The indicator catalogue' })
  @Get('indicator-catalogue')
  catalogue(@Query() query: PageQueryDto): CataloguePage {
    return this.indicators.catalogue(query);
  }

  /** Opens a collection round for a year or a quarter; the members are told. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Open an indicator round' })
  @ApiConflictResponse({ description: 'A round for that period exists.' })
  @Post('indicator-rounds')
  open(@CurrentActor() actor: Actor, @Body() body: OpenRoundDto): Promise<RoundView> {
    return this.indicators.open(actor, body);
  }

  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'List indicator rounds' })
  @Get('indicator-rounds')
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<RoundPage> {
    return this.indicators.list(actor, query);
  }

  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Get an indicator round' })
  @Get('indicator-rounds/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<RoundView> {
    return this.indicators.get(actor, id);
  }

  /** Moves the round's deadline (not into the past) and opens it again if it was closed. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "Move a round's deadline" })
  @Patch('indicator-rounds/:id')
  async reschedule(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: RescheduleRoundDto,
  ): Promise<RoundView> {
    await this.indicators.reschedule(id, body);
    return this.indicators.get(actor, id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Close an indicator round' })
  @Post('indicator-rounds/:id/close')
  @HttpCode(HttpStatus.OK)
  async close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<RoundView> {
    await this.indicators.close(id);
    return this.indicators.get(actor, id);
  }

  /** The actor's organisation's figures for the round. */
  @Roles(Role.EnterpriseContact)
  @ApiOperation({ summary: "The own organisation's submission" })
  @Get('indicator-rounds/:id/submission')
  submission(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SubmissionView> {
    return this.indicators.submission(actor, id);
  }

  /** Saves a draft or submits; 400 names each wrong field and why. */
  @Roles(Role.EnterpriseContact)
  @ApiOperation({ summary: 'Save or submit figures' })
  @ApiConflictResponse({
    description: 'The round is closed, its deadline has passed, or the figures are already submitted.',
  })
  @Put('indicator-rounds/:id/submission')
  save(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SaveSubmissionDto): Promise<SubmissionView> {
    return this.indicators.save(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Submission progress of a round' })
  @Get('indicator-rounds/:id/progress')
  progress(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQueryDto): Promise<ProgressPage> {
    return this.indicators.progress(actor, id, query);
  }

  /** Sum, average and year-on-year change per field, and the submission rate. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Results of a round' })
  @Get('indicator-rounds/:id/results')
  results(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<RoundResultsView> {
    return this.indicators.results(actor, id);
  }
}
