import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'List alliances' })
  @Get()
  list(@Query() query: PageQueryDto): Promise<AlliancePage> {
    return this.alliances.list(query);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Create an alliance' })
  @ApiConflictResponse({ description: 'A unique value (such as the slug) is taken.' })
  @Post()
  create(@Body() body: CreateAllianceDto): Promise<AllianceView> {
    return this.alliances.create(body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Get an alliance' })
  @Get(':id')
  get(@IdParam() id: string): Promise<AllianceView> {
    return this.alliances.get(id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change an alliance' })
  @ApiConflictResponse({ description: 'A unique value (such as the slug) is taken.' })
  @Patch(':id')
  update(@IdParam() id: string, @Body() body: UpdateAllianceDto): Promise<AllianceView> {
    return this.alliances.update(id, body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "List an alliance's members" })
  @Get(':id/members')
  members(@IdParam() id: string, @Query() query: ListMembersQuery): Promise<MembershipPage> {
    return this.alliances.listMembers(id, query);
  }

  /** The joining and leaving history, past spells included. */
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Membership history' })
  @Get(':id/members/history')
  history(@IdParam() id: string, @Query() query: ListMembersQuery): Promise<MembershipPage> {
    return this.alliances.listMembers(id, { ...query, includeLeft: true });
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a member organisation' })
  @ApiConflictResponse({ description: 'Already a member, or the alliance already has a lead.' })
  @Post(':id/members')
  addMember(@IdParam() id: string, @Body() body: AddMemberDto): Promise<MembershipView> {
    return this.alliances.addMemberAndView(id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Record a member leaving' })
  @ApiConflictResponse({ description: 'The member has already left.' })
  @Post(':id/members/:membershipId/leave')
  leave(
    @IdParam() id: string,
    @IdParam('membershipId') membershipId: string,
    @Body() body: LeaveAllianceDto,
  ): Promise<MembershipView> {
    return this.alliances.leave(id, membershipId, body);
  }
}
