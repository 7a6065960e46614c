import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
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
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import { readMultipartUpload } from '../../platform/http/multipart-upload';
import type { Actor } from '../../platform/tenancy/request-actor';
import {
  ListCasesQuery,
  NominateCaseDto,
  ReviewCaseDto,
  ShowcaseSettingsDto,
  UpdateCaseDto,
} from './dto/typical-case.dto';
import { CasePhotoView, ShowcaseSettingsView, TypicalCasePage, TypicalCaseView } from './dto/typical-case.view';
import { TypicalCasesService } from './typical-cases.service';

const MEMBERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];

/** Sends an image to show inline, never sniffed or run as anything else. */
export async function sendImage(
  reply: FastifyReply,
  contentType: string,
  content: Buffer,
  cache: string,
): Promise<void> {
  await reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache)
    .send(content);
}

@ApiTags('typical cases')
@ApiBearerAuth()
@Controller()
export class TypicalCasesController {
  constructor(private readonly cases: TypicalCasesService) {}

  /** Nominates a member's success story (enterprises: their own) for review. */
  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Nominate a typical case' })
  @Post('typical-cases')
  nominate(@CurrentActor() actor: Actor, @Body() body: NominateCaseDto): Promise<TypicalCaseView> {
    return this.cases.nominate(actor, body);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List typical cases' })
  @Get('typical-cases')
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery): Promise<TypicalCasePage> {
    return this.cases.list(actor, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a typical case' })
  @Get('typical-cases/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TypicalCaseView> {
    return this.cases.get(actor, id);
  }

  /** Edits a case waiting for review or returned; a returned case goes back for review. */
  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Change a typical case' })
  @ApiConflictResponse({ description: 'The case is not in a status that allows editing.' })
  @Patch('typical-cases/:id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateCaseDto): Promise<TypicalCaseView> {
    return this.cases.update(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Review a typical case' })
  @ApiConflictResponse({ description: 'The case is not in a status that allows this decision.' })
  @Post('typical-cases/:id/review')
  @HttpCode(HttpStatus.OK)
  review(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ReviewCaseDto): Promise<TypicalCaseView> {
    return this.cases.review(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Publish a typical case' })
  @ApiConflictResponse({ description: 'The case is not in a status that allows publishing.' })
  @Post('typical-cases/:id/publish')
  @HttpCode(HttpStatus.OK)
  publish(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TypicalCaseView> {
    return this.cases.publish(actor, id, true);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Unpublish a typical case' })
  @ApiConflictResponse({ description: 'The case is not published.' })
  @Post('typical-cases/:id/unpublish')
  @HttpCode(HttpStatus.OK)
  unpublish(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TypicalCaseView> {
    return this.cases.publish(actor, id, false);
  }

  /** Adds a photo (JPEG, PNG or WebP, judged by content). */
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Add a case photo' })
  @ApiConflictResponse({ description: 'The case holds the most photos allowed.' })
  @Post('typical-cases/:id/photos')
  async addPhoto(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<CasePhotoView> {
    const { content } = await readMultipartUpload(request);
    return this.cases.addPhoto(actor, id, content);
  }

  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a case photo' })
  @Get('typical-cases/:id/photos/:photoId')
  async photo(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('photoId') photoId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { contentType, content } = await this.cases.readPhoto(actor, id, photoId);
    await sendImage(reply, contentType, content, 'private, max-age=300');
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "An alliance's showcase settings" })
  @Get('alliances/:id/showcase')
  showcase(@IdParam() id: string): Promise<ShowcaseSettingsView> {
    return this.cases.showcaseSettings(id);
  }

  /** Turns the alliance's public showcase page on or off, or gives it a new address. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Configure the public showcase' })
  @Put('alliances/:id/showcase')
  configure(@IdParam() id: string, @Body() body: ShowcaseSettingsDto): Promise<ShowcaseSettingsView> {
    return this.cases.configureShowcase(id, body);
  }
}
