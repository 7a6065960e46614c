import { Body, Controller, Get, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../../platform/auth/access.decorators';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { Role } from '../../../platform/auth/entities/role';
import { DomainException } from '../../../platform/errors/domain.exception';
import { IdParam } from '../../../platform/http/id-param.decorator';
import { readMultipartUpload } from '../../../platform/http/multipart-upload';
import { sendFile } from '../../../platform/http/send-file';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { ActionItemView } from '../../action-items/dto/action-item.dto';
import { RubricDto, RubricView } from '../dto/library.dto';
import {
  AssignReviewersDto,
  CreateReportDto,
  DecisionDto,
  ListReportsQuery,
  RecommendationDto,
  RecommendationPage,
  ReportPage,
  ReportView,
  ReviewerCandidateList,
  UpdateReportDto,
  VersionView,
} from '../dto/report.dto';
import { AssignmentsService } from '../reviews/assignments.service';
import { DecisionsService } from '../reviews/decisions.service';
import { ReviewCandidatesService } from '../reviews/review-candidates.service';
import { RubricService } from '../reviews/rubric.service';
import { ReportAccessService } from './report-access.service';
import { ReportsService } from './reports.service';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

/** Research reports (调研报告): authors submit and revise, officials (the editors) assign reviewers and decide. */
@ApiTags('think-tank')
@ApiBearerAuth()
@Controller('think-tank')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly access: ReportAccessService,
    private readonly candidates: ReviewCandidatesService,
    private readonly assignments: AssignmentsService,
    private readonly decisions: DecisionsService,
    private readonly rubric: RubricService,
  ) {}

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Create a report' })
  @Post('reports')
  create(@CurrentActor() actor: Actor, @Body() body: CreateReportDto): Promise<ReportView> {
    return this.reports.create(actor, body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'List reports' })
  @Get('reports')
  list(@CurrentActor() actor: Actor, @Query() query: ListReportsQuery): Promise<ReportPage> {
    return this.reports.list(actor, query);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Get a report' })
  @Get('reports/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ReportView> {
    return this.reports.get(actor, id);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Change a report' })
  @ApiConflictResponse({ description: 'The report is locked in review.' })
  @Patch('reports/:id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateReportDto): Promise<ReportView> {
    return this.reports.update(actor, id, body);
  }

  /** Uploads a version (PDF or DOCX); a revision also carries `response`, the answer to the reviews. */
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, response: { type: 'string' } },
    },
  })
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Upload a report version' })
  @ApiConflictResponse({ description: 'The report is locked in review.' })
  @Post('reports/:id/versions')
  async upload(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<VersionView> {
    const file = await readMultipartUpload(request, { textFields: ['response'] });
    const response = file.fields.response;
    if (response && response.length > 20000)
      throw DomainException.invalid([{ field: 'response', reason: 'maxLength', args: [20000] }]);
    return this.reports.addVersion(actor, id, file.fileName, file.content, response);
  }

  @ApiProduces('application/octet-stream')
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Download a report version' })
  @ApiConflictResponse({ description: 'The file cannot be anonymised for this reader.' })
  @Get('reports/:id/versions/:versionId/file')
  async download(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('versionId') versionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.reports.readVersion(actor, id, versionId);
    await sendFile(reply, file.fileName, file.contentType, file.content);
  }

  /** Sends the latest version to review (the first round, or the next after a revision). */
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Submit a report for review' })
  @ApiConflictResponse({ description: 'The report is locked in review.' })
  @Post('reports/:id/submit')
  submit(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ReportView> {
    return this.reports.submit(actor, id);
  }

  /** Every expert, with the conflicts of interest that bar them from this report. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Reviewer candidates' })
  @Get('reports/:id/candidates')
  async reviewerCandidates(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<ReviewerCandidateList> {
    const { report } = await this.access.requireEditor(actor, id);
    return this.candidates.candidates(report, page);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Assign reviewers' })
  @ApiConflictResponse({ description: 'The report is not under review, or an expert has a conflict of interest.' })
  @Post('reports/:id/reviewers')
  assign(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AssignReviewersDto): Promise<ReportView> {
    return this.assignments.assign(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Decide on a report' })
  @ApiConflictResponse({ description: 'The report is not under review, or no review is submitted.' })
  @Post('reports/:id/decision')
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<ReportView> {
    return this.decisions.decide(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Publish a report' })
  @ApiConflictResponse({ description: 'The report is not accepted.' })
  @Post('reports/:id/publish')
  publish(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ReportView> {
    return this.reports.publish(actor, id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Turn a recommendation into an action item' })
  @ApiConflictResponse({ description: 'The report is not accepted.' })
  @Post('reports/:id/recommendations')
  recommend(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: RecommendationDto,
  ): Promise<ActionItemView> {
    return this.decisions.recommend(actor, id, body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "List a report's recommendations" })
  @Get('reports/:id/recommendations')
  recommendations(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<RecommendationPage> {
    return this.decisions.recommendations(actor, id, query);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "Get an alliance's review rubric" })
  @Get('rubrics/:allianceId')
  getRubric(@IdParam('allianceId') allianceId: string): Promise<RubricView> {
    return this.rubric.get(allianceId);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "Replace an alliance's review rubric" })
  @Put('rubrics/:allianceId')
  replaceRubric(@IdParam('allianceId') allianceId: string, @Body() body: RubricDto): Promise<RubricView> {
    return this.rubric.replace(allianceId, body);
  }
}
