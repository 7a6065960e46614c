import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import type { Actor } from '../../platform/tenancy/request-actor';
import { InvitationView, InviteUserDto, ListUsersQuery, UpdateUserDto, UserPage, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.TownshipAdmin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'List users' })
  @Get()
  list(@Query() query: ListUsersQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @ApiOperation({ summary: 'Invite a user' })
  @ApiConflictResponse({ description: 'The phone number or email is taken.' })
  @Post('invitations')
  invite(@Body() body: InviteUserDto): Promise<InvitationView> {
    return this.users.invite(body);
  }

  @ApiOperation({ summary: 'Change a user' })
  @ApiConflictResponse({ description: 'An administrator cannot change the own role.' })
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(actor, id, body);
  }

  @ApiOperation({ summary: 'Disable a user' })
  @ApiConflictResponse({ description: 'An administrator cannot disable the own account.' })
  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  disable(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<UserView> {
    return this.users.setDisabled(actor, id, true);
  }

  @ApiOperation({ summary: 'Enable a user' })
  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  enable(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<UserView> {
    return this.users.setDisabled(actor, id, false);
  }
}
