import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { AdvanceStepDto, ApplicationNoteDto, ApplyDto, CreateProjectCallDto } from './dto/project-call.dto';
import { ApplicationPage, ApplicationView, ProjectCallDetailView, ProjectCallPage } from './dto/project-call.view';
import { ProjectCallsService } from './project-calls.service';

const MEMBERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];

@ApiTags('project calls')
@ApiBearerAuth()
@Controller()
export class ProjectCallsController {
  constructor(private readonly calls: ProjectCallsService) {}

  /** Publishes a government call (officials, or the lead enterprise's service team); eligible members are told. */
  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Publish a project call' })
  @Post('project-calls')
  create(@CurrentActor() actor: Actor, @Body() body: CreateProjectCallDto): Promise<ProjectCallDetailView> {
    return this.calls.create(actor, body);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List project calls' })
  @Get('project-calls')
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ProjectCallPage> {
    return this.calls.list(actor, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a project call' })
  @Get('project-calls/:id')
  detail(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProjectCallDetailView> {
    return this.calls.detail(actor, id);
  }

  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Close a project call' })
  @Post('project-calls/:id/close')
  @HttpCode(HttpStatus.OK)
  close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProjectCallDetailView> {
    return this.calls.close(actor, id);
  }

  /** Starts an application: the member's own, or one the service team opens for an eligible member. */
  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Apply to a project call' })
  @ApiConflictResponse({ description: 'The call is closed, or the organisation has already applied.' })
  @Post('project-calls/:id/applications')
  apply(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ApplyDto): Promise<ApplicationView> {
    return this.calls.apply(actor, id, body);
  }

  /** The actor's organisation's applications (the service team: all). */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List project applications' })
  @Get('project-applications')
  applications(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ApplicationPage> {
    return this.calls.applications(actor, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a project application' })
  @Get('project-applications/:id')
  application(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ApplicationView> {
    return this.calls.application(actor, id);
  }

  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Advance an application a step' })
  @ApiConflictResponse({ description: 'The step is out of order.' })
  @Post('project-applications/:id/step')
  @HttpCode(HttpStatus.OK)
  advance(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AdvanceStepDto): Promise<ApplicationView> {
    return this.calls.advance(actor, id, body);
  }

  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Add a note to an application' })
  @Post('project-applications/:id/notes')
  note(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ApplicationNoteDto,
  ): Promise<ApplicationView> {
    return this.calls.note(actor, id, body.note);
  }
}
