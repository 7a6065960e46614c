import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import type { Actor } from '../../platform/tenancy/request-actor';
import { ActionItemsService } from './action-items.service';
import {
  ActionItemPage,
  ActionItemView,
  CreateActionItemDto,
  ListActionItemsQuery,
  ProgressDto,
} from './dto/action-item.dto';

const OWNERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];

@ApiTags('action items')
@ApiBearerAuth()
@Controller('action-items')
export class ActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Create an action item' })
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateActionItemDto): Promise<ActionItemView> {
    return this.items.create(actor, body);
  }

  /** The board of open and done items (officials: the alliance's; others: their organisation's). */
  @Roles(...OWNERS)
  @ApiOperation({ summary: 'The action item board' })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListActionItemsQuery): Promise<ActionItemPage> {
    return this.items.list(actor, query);
  }

  @Roles(...OWNERS)
  @ApiOperation({ summary: 'Get an action item' })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ActionItemView> {
    return this.items.get(actor, id);
  }

  @Roles(...OWNERS)
  @ApiOperation({ summary: 'Report progress on an action item' })
  @ApiConflictResponse({ description: 'The item is no longer open.' })
  @Post(':id/progress')
  @HttpCode(HttpStatus.OK)
  report(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ProgressDto): Promise<ActionItemView> {
    return this.items.report(actor, id, body);
  }
}
