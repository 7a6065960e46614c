import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import { CreatedTenantView, CreateTenantDto, TenantPage } from './dto/tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@ApiBearerAuth()
@Roles(Role.PlatformAdmin)
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @ApiOperation({ summary: 'List townships' })
  @Get()
  list(@Query() query: PageQueryDto): Promise<TenantPage> {
    return this.tenants.list(query);
  }

  @ApiOperation({ summary: 'Create a township' })
  @ApiConflictResponse({ description: 'The slug is taken.' })
  @Post()
  create(@Body() body: CreateTenantDto): Promise<CreatedTenantView> {
    return this.tenants.create(body);
  }
}
