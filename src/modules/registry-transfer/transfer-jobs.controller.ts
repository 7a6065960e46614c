import { Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
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
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { languageFrom } from '../../platform/errors/localized-messages';
import { IdParam } from '../../platform/http/id-param.decorator';
import { readMultipartUpload } from '../../platform/http/multipart-upload';
import { sendFile } from '../../platform/http/send-file';
import { ListTransferJobsQuery, TemplateQuery, TransferJobPage, TransferJobView } from './dto/transfer-job.view';
import { refuseUnlessSpreadsheet } from './import/import-file-check';
import { importTemplate } from './import/import-template';
import { TransferJobsService } from './transfer-jobs.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const typeOf = (fileName: string) =>
  fileName.endsWith('.pdf') ? 'application/pdf' : fileName.endsWith('.docx') ? DOCX : XLSX;

@ApiTags('imports and exports')
@ApiBearerAuth()
@Roles(Role.TownshipAdmin)
@Controller()
export class TransferJobsController {
  constructor(private readonly jobs: TransferJobsService) {}

  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Start a member import' })
  @Post('alliances/:id/imports')
  @HttpCode(HttpStatus.ACCEPTED)
  async startImport(@IdParam() allianceId: string, @Req() request: FastifyRequest): Promise<TransferJobView> {
    const { fileName: given, content } = await readMultipartUpload(request);
    await refuseUnlessSpreadsheet(content);
    const fileName = given.replace(/[\\/\0]/g, '_').slice(0, 255);
    return this.jobs.startImport(allianceId, { fileName, content }, languageFrom(request.headers['accept-language']));
  }

  @ApiOperation({ summary: 'Start a member export' })
  @Post('alliances/:id/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  startExport(@IdParam() allianceId: string, @Req() request: FastifyRequest): Promise<TransferJobView> {
    return this.jobs.startExport(allianceId, languageFrom(request.headers['accept-language']));
  }

  @ApiOperation({ summary: 'List the own import and export jobs' })
  @Get('jobs')
  list(@Query() query: ListTransferJobsQuery): Promise<TransferJobPage> {
    return this.jobs.list(query);
  }

  @ApiOperation({ summary: 'Get a job' })
  @Get('jobs/:id')
  get(@IdParam() id: string): Promise<TransferJobView> {
    return this.jobs.get(id);
  }

  @ApiProduces(XLSX, 'application/pdf', DOCX)
  @ApiOperation({ summary: "Download a job's result" })
  @ApiConflictResponse({ description: 'The job has not succeeded.' })
  @Get('jobs/:id/download')
  async download(@IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.jobs.download(id);
    await sendFile(reply, file.fileName, typeOf(file.fileName), file.content);
  }

  @ApiProduces(XLSX, 'text/csv')
  @ApiOperation({ summary: 'Download the import template' })
  @Get('imports/template')
  async template(
    @Query() query: TemplateQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = query.format ?? 'xlsx';
    const language = languageFrom(request.headers['accept-language']);
    const name = language === 'zh-CN' ? '成员企业导入模板' : 'member-import-template';
    const type = format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8';
    await sendFile(reply, `${name}.${format}`, type, await importTemplate(format, language));
  }
}
