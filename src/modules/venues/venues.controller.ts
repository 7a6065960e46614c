import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { CreateVenueDto, CreateZoneDto, VenueList, VenueView, ZoneView } from './dto/venue.dto';
import { VenueZone } from './entities/venue-zone.entity';
import { Venue } from './entities/venue.entity';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

/** Activity venues (活动阵地) and their zones, which meetings (and later bookings) reserve. */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(private readonly tenant: TenantContext) {}

  @Roles(...TENANT_ROLES)
  @Get()
  async list(): Promise<VenueList> {
    const venues = await this.tenant.manager.getRepository(Venue).find({ order: { name: 'ASC' } });
    const zones = await this.tenant.manager.getRepository(VenueZone).find({ order: { name: 'ASC' } });
    return {
      items: venues.map((v) => ({
        id: v.id,
        name: v.name,
        address: v.address,
        zones: zones.filter((z) => z.venueId === v.id).map((z) => ({ id: z.id, name: z.name, kind: z.kind, capacity: z.capacity })),
      })),
    };
  }

  @Roles(Role.TownshipAdmin)
  @Post()
  async create(@Body() body: CreateVenueDto): Promise<VenueView> {
    const venue = await this.tenant.manager.getRepository(Venue).save({ tenantId: this.tenant.tenantId, name: body.name.trim(), address: body.address ?? null });
    return { id: venue.id, name: venue.name, address: venue.address, zones: [] };
  }

  @Roles(Role.TownshipAdmin)
  @Post(':id/zones')
  async addZone(@IdParam() id: string, @Body() body: CreateZoneDto): Promise<ZoneView> {
    if (!(await this.tenant.manager.getRepository(Venue).findOneBy({ id }))) throw DomainException.notFound();
    const zone = await this.tenant.manager.getRepository(VenueZone).save({ tenantId: this.tenant.tenantId, venueId: id, name: body.name.trim(), kind: body.kind, capacity: body.capacity });
    return { id: zone.id, name: zone.name, kind: zone.kind, capacity: zone.capacity };
  }
}
