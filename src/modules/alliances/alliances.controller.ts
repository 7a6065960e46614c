import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import { AlliancesService } from './alliances.service';
import { AlliancePage, AllianceView, CreateAllianceDto, UpdateAllianceDto } from './dto/alliance.dto';
import { AddMemberDto, LeaveAllianceDto, ListMembersQuery, MembershipPage, MembershipView } from './dto/membership.dto';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

@ApiTags('alliances')
@ApiBearerAuth()
@Controller('alliances')
export class AlliancesController {
  constructor(private readonly alliances: AlliancesService) {}

  @Roles(...TENANT_ROLES)
  @Get()
  list(@Query() query: PageQueryDto): Promise<AlliancePage> {
    return this.alliances.list(query);
  }

  @Roles(Role.TownshipAdmin)
  @Post()
  create(@Body() body: CreateAllianceDto): Promise<AllianceView> {
    return this.alliances.create(body);
  }

  @Roles(...TENANT_ROLES)
  @Get(':id')
  get(@IdParam() id: string): Promise<AllianceView> {
    return this.alliances.get(id);
  }

  @Roles(Role.TownshipAdmin)
  @Patch(':id')
  update(@IdParam() id: string, @Body() body: UpdateAllianceDto): Promise<AllianceView> {
    return this.alliances.update(id, body);
  }

  @Roles(...TENANT_ROLES)
  @Get(':id/members')
  members(@IdParam() id: string, @Query() query: ListMembersQuery): Promise<MembershipPage> {
    return this.alliances.listMembers(id, query);
  }

  /** The joining and leaving history, past spells included. */
  @Roles(...TENANT_ROLES)
  @Get(':id/members/history')
  history(@IdParam() id: string, @Query() query: ListMembersQuery): Promise<MembershipPage> {
    return this.alliances.listMembers(id, { ...query, includeLeft: true });
  }

  @Roles(Role.TownshipAdmin)
  @Post(':id/members')
  addMember(@IdParam() id: string, @Body() body: AddMemberDto): Promise<MembershipView> {
    return this.alliances.addMemberAndView(id, body);
  }

  @Roles(Role.TownshipAdmin)
  @Post(':id/members/:membershipId/leave')
  leave(@IdParam() id: string, @IdParam('membershipId') membershipId: string, @Body() body: LeaveAllianceDto): Promise<MembershipView> {
    return this.alliances.leave(id, membershipId, body);
  }
}
