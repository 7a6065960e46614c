import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import { languageFrom } from '../../platform/errors/localized-messages';
import { IdParam } from '../../platform/http/id-param.decorator';
import { readMultipartUpload } from '../../platform/http/multipart-upload';
import { sendFile } from '../../platform/http/send-file';
import type { Actor } from '../../platform/tenancy/request-actor';
import { ReadsFromReplica } from '../../platform/tenancy/request-transaction.interceptor';
import {
  AttachmentView,
  CommentDto,
  ListServiceRequestsQuery,
  MergeDto,
  ProvideInformationDto,
  RateDto,
  ReasonDto,
  ResolveDto,
  RouteDto,
  ServiceRequestDetailView,
  ServiceRequestPage,
  ServiceRequestView,
  SubmitServiceRequestDto,
  TransferDto,
} from './dto/service-request.dto';
import { TransferJobView } from '../registry-transfer/dto/transfer-job.view';
import { AttachmentsService } from './attachments.service';
import { ServiceStatisticsView, StatisticsQuery } from './dto/statistics.dto';
import { ServiceRequestActions } from './lifecycle/service-request-actions.service';
import { RouteRequest } from './routing/route-request';
import { ServiceStatistics } from './statistics/service-statistics.service';
import { StatisticsExports } from './statistics/statistics-exports.service';
import { ServiceRequestsService } from './service-requests.service';

const PARTIES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

@ApiTags('service requests')
@ApiBearerAuth()
@Controller('service-requests')
export class ServiceRequestsController {
  constructor(
    private readonly requests: ServiceRequestsService,
    private readonly actions: ServiceRequestActions,
    private readonly routing: RouteRequest,
    private readonly statisticsService: ServiceStatistics,
    private readonly exports: StatisticsExports,
    private readonly attachments: AttachmentsService,
  ) {}

  /** 企业点单. One `Idempotency-Key` never creates two requests: a replay answers 200 with the first, one with another body 422. */
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A new key per request (8 to 100 of A-Z a-z 0-9 . _ : -); keys are kept per user',
  })
  @Roles(Role.EnterpriseContact)
  @ApiOperation({ summary: 'Submit a service request' })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used with another body.' })
  @Post()
  async submit(
    @CurrentActor() actor: Actor,
    @Body() body: SubmitServiceRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceRequestView> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw DomainException.invalid([{ field: 'Idempotency-Key', reason: 'matches' }]);
    const { request, replayed } = await this.requests.submit(actor, body, key);
    if (replayed) void reply.status(HttpStatus.OK).header('idempotent-replayed', 'true');
    return request;
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'List service requests' })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListServiceRequestsQuery): Promise<ServiceRequestPage> {
    return this.requests.list(actor, query);
  }

  /** 督办: what is at risk or late, most urgent first. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Requests at risk or late' })
  @Get('supervision')
  supervision(@Query() page: PageQueryDto): Promise<ServiceRequestPage> {
    return this.requests.supervision(page);
  }

  /** Per department and category, monthly trends and the department ranking. */
  @Roles(Role.TownshipAdmin)
  @ReadsFromReplica()
  @ApiOperation({ summary: 'Service statistics' })
  @Get('statistics')
  statistics(@Query() query: StatisticsQuery): Promise<ServiceStatisticsView> {
    return this.statisticsService.compute(query);
  }

  /** The statistics as .xlsx, written by the worker; follow it at GET /jobs/:id, then /jobs/:id/download. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Export the statistics' })
  @Post('statistics/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  exportStatistics(@Body() body: StatisticsQuery, @Req() request: FastifyRequest): Promise<TransferJobView> {
    return this.exports.start(body, languageFrom(request.headers['accept-language']));
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Get a service request' })
  @Get(':id')
  detail(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ServiceRequestDetailView> {
    return this.requests.detail(actor, id);
  }

  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Attach a file' })
  @ApiConflictResponse({ description: 'The request holds the most files allowed.' })
  @Post(':id/attachments')
  async attach(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentView> {
    const { fileName, content } = await readMultipartUpload(request);
    return this.attachments.add(actor, id, fileName, content);
  }

  /** Always a download (never shown inline), with its detected type. */
  @ApiProduces('application/octet-stream')
  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Download an attachment' })
  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.read(actor, id, attachmentId);
    await sendFile(reply, attachment.fileName, attachment.contentType, content);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Comment on a request' })
  @Post(':id/comments')
  @HttpCode(HttpStatus.CREATED)
  comment(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: CommentDto,
  ): Promise<ServiceRequestDetailView> {
    return this.requests.comment(actor, id, body);
  }

  @Roles(Role.EnterpriseContact)
  @ApiOperation({ summary: 'Chase a late request' })
  @ApiConflictResponse({ description: 'The request is not late.' })
  @ApiTooManyRequestsResponse({ description: 'The request was already chased today.' })
  @Post(':id/chase')
  @HttpCode(HttpStatus.OK)
  chase(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ServiceRequestDetailView> {
    return this.requests.chase(actor, id);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Accept a request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  accept(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ServiceRequestDetailView> {
    return this.actions.accept(actor, id);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Start work on a request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/start')
  @HttpCode(HttpStatus.OK)
  start(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ServiceRequestDetailView> {
    return this.actions.start(actor, id);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Ask the enterprise for information' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  returnForInformation(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ReasonDto,
  ): Promise<ServiceRequestDetailView> {
    return this.actions.return(actor, id, body);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Provide the information asked for' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/provide-information')
  @HttpCode(HttpStatus.OK)
  provideInformation(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ProvideInformationDto,
  ): Promise<ServiceRequestDetailView> {
    return this.actions.provideInformation(actor, id, body);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Transfer to another department' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/transfer')
  @HttpCode(HttpStatus.OK)
  transfer(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: TransferDto,
  ): Promise<ServiceRequestDetailView> {
    return this.routing.transfer(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Route a request to a department' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/route')
  @HttpCode(HttpStatus.OK)
  route(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: RouteDto,
  ): Promise<ServiceRequestDetailView> {
    return this.routing.manually(actor, id, body);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Reject a request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  reject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ReasonDto,
  ): Promise<ServiceRequestDetailView> {
    return this.actions.reject(actor, id, body);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Resolve a request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/resolve')
  @HttpCode(HttpStatus.OK)
  resolve(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ResolveDto,
  ): Promise<ServiceRequestDetailView> {
    return this.actions.resolve(actor, id, body);
  }

  @Roles(Role.EnterpriseContact)
  @ApiOperation({ summary: 'Rate a resolved request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/rate')
  @HttpCode(HttpStatus.OK)
  rate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RateDto): Promise<ServiceRequestDetailView> {
    return this.actions.rate(actor, id, body);
  }

  @Roles(...PARTIES)
  @ApiOperation({ summary: 'Close a request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ServiceRequestDetailView> {
    return this.actions.close(actor, id);
  }

  @Roles(Role.EnterpriseContact)
  @ApiOperation({ summary: 'Reopen a request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  reopen(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ReasonDto,
  ): Promise<ServiceRequestDetailView> {
    return this.actions.reopen(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Merge a duplicate into another request' })
  @ApiConflictResponse({ description: 'The request is not in a status that allows this step.' })
  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  merge(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: MergeDto,
  ): Promise<ServiceRequestDetailView> {
    return this.actions.merge(actor, id, body);
  }
}
