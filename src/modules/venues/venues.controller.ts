import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import { sendImage } from '../../platform/http/send-image';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import { readPhotoUpload } from '../../platform/storage/photo-upload';
import type { Actor } from '../../platform/tenancy/request-actor';
import { VenueBookingsService } from './bookings/venue-bookings.service';
import { VenueCalendarQuery, VenueCalendarView } from './dto/venue-booking.dto';
import {
  CreateVenueDto,
  CreateZoneDto,
  PhotoView,
  UpdateVenueDto,
  UpdateZoneDto,
  VenuePage,
  VenueView,
  ZoneView,
} from './dto/venue.dto';
import { VenuesService } from './venues.service';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Activity venues (活动阵地) and their zones, which meetings and members' bookings reserve. */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(
    private readonly venues: VenuesService,
    private readonly bookings: VenueBookingsService,
  ) {}

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'List venues' })
  @Get()
  list(@Query() query: PageQueryDto): Promise<VenuePage> {
    return this.venues.list(query);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a venue' })
  @Post()
  create(@Body() body: CreateVenueDto): Promise<VenueView> {
    return this.venues.create(body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Get a venue' })
  @Get(':id')
  get(@IdParam() id: string): Promise<VenueView> {
    return this.venues.get(id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change a venue' })
  @Patch(':id')
  update(@IdParam() id: string, @Body() body: UpdateVenueDto): Promise<VenueView> {
    return this.venues.update(id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a zone to a venue' })
  @Post(':id/zones')
  addZone(@IdParam() id: string, @Body() body: CreateZoneDto): Promise<ZoneView> {
    return this.venues.addZone(id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change a zone' })
  @Patch(':id/zones/:zoneId')
  updateZone(@IdParam() id: string, @IdParam('zoneId') zoneId: string, @Body() body: UpdateZoneDto): Promise<ZoneView> {
    return this.venues.updateZone(id, zoneId, body);
  }

  /** Bookings and meetings in the venue's zones between `from` and `to` (at most 92 days). */
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "A venue's calendar" })
  @Get(':id/calendar')
  calendar(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: VenueCalendarQuery,
  ): Promise<VenueCalendarView> {
    return this.bookings.calendar(actor, id, query.from, query.to);
  }

  /** A PNG, JPEG or WebP photo (judged by content, at most 5 MB); `zoneId` in the query ties it to a zone. */
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiQuery({ name: 'zoneId', required: false, type: String })
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a venue photo' })
  @ApiConflictResponse({ description: 'The venue holds the most photos allowed.' })
  @Post(':id/photos')
  async addPhoto(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query('zoneId') zoneId: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<PhotoView> {
    if (zoneId !== undefined && !UUID.test(zoneId))
      throw DomainException.invalid([{ field: 'zoneId', reason: 'isUuid' }]);
    return this.venues.addPhoto(actor, id, zoneId ?? null, await readPhotoUpload(request));
  }

  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Get a venue photo' })
  @Get(':id/photos/:photoId')
  async photo(@IdParam() id: string, @IdParam('photoId') photoId: string, @Res() reply: FastifyReply): Promise<void> {
    const { photo, content } = await this.venues.readPhoto(id, photoId);
    await sendImage(reply, photo.contentType, content);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Remove a venue photo' })
  @Delete(':id/photos/:photoId')
  @HttpCode(HttpStatus.NO_CONTENT)
  removePhoto(@IdParam() id: string, @IdParam('photoId') photoId: string): Promise<void> {
    return this.venues.removePhoto(id, photoId);
  }
}
