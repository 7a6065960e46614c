import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
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
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import { sendImage } from '../../platform/http/send-image';
import { readPhotoUpload } from '../../platform/storage/photo-upload';
import type { Actor } from '../../platform/tenancy/request-actor';
import {
  AvailabilityQuery,
  AvailabilityView,
  BookRouteDto,
  CreateSiteDto,
  ListStudyBookingsQuery,
  MoveSiteDto,
  RecordVisitDto,
  ScanDto,
  ScannedSiteView,
  SiteCodeView,
  SitePhotoView,
  SiteVisitView,
  StudyBookingList,
  StudyBookingView,
  StudyRouteView,
  StudySiteView,
  UpdateSiteDto,
  VisitStatsQuery,
  VisitStatsView,
} from './dto/study-route.dto';
import { StudyRouteService } from './study-route.service';

const MEMBERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

/** The study route (研学路线): sites, group bookings, QR visits, statistics. */
@ApiTags('study route')
@ApiBearerAuth()
@Controller('study-route')
export class StudyRouteController {
  constructor(private readonly route: StudyRouteService) {}

  /** The sites in route order (officials also see inactive ones). */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'The study route' })
  @Get()
  async get(@CurrentActor() actor: Actor): Promise<StudyRouteView> {
    return { sites: await this.route.route(actor) };
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a site' })
  @Post('sites')
  createSite(@Body() body: CreateSiteDto): Promise<StudySiteView> {
    return this.route.createSite(body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change a site' })
  @Patch('sites/:id')
  updateSite(@IdParam() id: string, @Body() body: UpdateSiteDto): Promise<StudySiteView> {
    return this.route.updateSite(id, body);
  }

  /** Swaps the site with its neighbour along the route and numbers the route 1..n again; at either end nothing changes. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Move a site along the route' })
  @Post('sites/:id/move')
  @HttpCode(HttpStatus.OK)
  async moveSite(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: MoveSiteDto,
  ): Promise<StudyRouteView> {
    return { sites: await this.route.moveSite(actor, id, body.direction) };
  }

  /** A PNG, JPEG or WebP photo, judged by content, at most 5 MB. */
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a site photo' })
  @ApiConflictResponse({ description: 'The site holds the most photos allowed.' })
  @Post('sites/:id/photos')
  async addPhoto(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<SitePhotoView> {
    return this.route.addPhoto(actor, id, await readPhotoUpload(request));
  }

  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a site photo' })
  @Get('sites/:id/photos/:photoId')
  async photo(@IdParam() id: string, @IdParam('photoId') photoId: string, @Res() reply: FastifyReply): Promise<void> {
    const { photo, content } = await this.route.readPhoto(id, photoId);
    await sendImage(reply, photo.contentType, content);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Remove a site photo' })
  @Delete('sites/:id/photos/:photoId')
  @HttpCode(HttpStatus.NO_CONTENT)
  removePhoto(@IdParam() id: string, @IdParam('photoId') photoId: string): Promise<void> {
    return this.route.removePhoto(id, photoId);
  }

  /** The site's QR code (SVG) and the URL it holds, to print and put up at the site. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "Get a site's QR code" })
  @Get('sites/:id/code')
  code(@IdParam() id: string): Promise<SiteCodeView> {
    return this.route.code(id);
  }

  /** An official records a group's visit at the site by hand. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Record a visit by hand' })
  @Post('sites/:id/visits')
  recordVisit(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: RecordVisitDto,
  ): Promise<SiteVisitView> {
    return this.route.recordByOfficial(actor, id, body.bookingId);
  }

  /** How many people each site can still take on a day. */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Site availability on a day' })
  @Get('availability')
  availability(@Query() query: AvailabilityQuery): Promise<AvailabilityView> {
    return this.route.availability(query.date);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Book a study visit' })
  @ApiConflictResponse({ description: 'The site cannot take that many people on that day.' })
  @Post('bookings')
  book(@CurrentActor() actor: Actor, @Body() body: BookRouteDto): Promise<StudyBookingView> {
    return this.route.book(actor, body);
  }

  /** Officials: every group; others: their own and their organisation's bookings. */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List study visit bookings' })
  @Get('bookings')
  bookings(@CurrentActor() actor: Actor, @Query() query: ListStudyBookingsQuery): Promise<StudyBookingList> {
    return this.route.bookings(actor, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Cancel a study visit booking' })
  @ApiConflictResponse({ description: 'The booking can no longer be cancelled.' })
  @Post('bookings/:id/cancel')
  @HttpCode(HttpStatus.OK)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StudyBookingView> {
    return this.route.cancel(actor, id);
  }

  /** What the page opened by a site's QR code shows. */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: "What a site's QR code opens" })
  @Get('scan/:token')
  scanned(@CurrentActor() actor: Actor, @Param('token') token: string): Promise<ScannedSiteView> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw DomainException.notFound();
    return this.route.scanned(actor, token);
  }

  /** A signed-in member of the group records its visit at the site whose code was scanned. */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Record a visit by scanning' })
  @Post('scan')
  scan(@CurrentActor() actor: Actor, @Body() body: ScanDto): Promise<SiteVisitView> {
    return this.route.scan(actor, body.token, body.bookingId);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Visit statistics' })
  @Get('visits/stats')
  stats(@Query() query: VisitStatsQuery): Promise<VisitStatsView> {
    return this.route.stats(query.year);
  }
}
