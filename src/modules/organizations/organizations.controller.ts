import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import type { Actor } from '../../platform/tenancy/request-actor';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsQuery } from './dto/list-organizations.query';
import { OrganizationPage, OrganizationView } from './dto/organization.view';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationsService } from './organizations.service';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'List organisations' })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListOrganizationsQuery): Promise<OrganizationPage> {
    return this.organizations.list(actor, query);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Create an organisation' })
  @ApiConflictResponse({ description: 'A unique value (such as the credit code) is taken.' })
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.createAndView(actor, body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Get an organisation' })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OrganizationView> {
    return this.organizations.get(actor, id);
  }

  @Roles(Role.TownshipAdmin, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Change an organisation' })
  @ApiConflictResponse({ description: 'A unique value (such as the credit code) is taken.' })
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.organizations.update(actor, id, body);
  }
}
