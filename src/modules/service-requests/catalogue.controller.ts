import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import { CatalogueService } from './catalogue.service';
import {
  CalendarDayDto,
  CalendarQuery,
  CalendarView,
  CategoryList,
  CategoryView,
  CreateCategoryDto,
  CreateRoutingRuleDto,
  RoutingRuleList,
  RoutingRuleView,
  RoutingSettingsDto,
  RoutingSettingsView,
  UpdateCategoryDto,
  UpdateRoutingRuleDto,
} from './dto/catalogue.dto';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

@ApiTags('service catalogue')
@ApiBearerAuth()
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'List service categories' })
  @Get('alliances/:id/service-categories')
  categories(@IdParam() allianceId: string, @Query() page: PageQueryDto): Promise<CategoryList> {
    return this.catalogue.categories(allianceId, page);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a service category' })
  @ApiConflictResponse({ description: 'The name is taken.' })
  @Post('alliances/:id/service-categories')
  createCategory(@IdParam() allianceId: string, @Body() body: CreateCategoryDto): Promise<CategoryView> {
    return this.catalogue.createCategory(allianceId, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change a service category' })
  @ApiConflictResponse({ description: 'The name is taken.' })
  @Patch('alliances/:id/service-categories/:categoryId')
  updateCategory(
    @IdParam() allianceId: string,
    @IdParam('categoryId') id: string,
    @Body() body: UpdateCategoryDto,
  ): Promise<CategoryView> {
    return this.catalogue.updateCategory(allianceId, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'List routing rules' })
  @Get('alliances/:id/routing-rules')
  rules(@IdParam() allianceId: string, @Query() page: PageQueryDto): Promise<RoutingRuleList> {
    return this.catalogue.rules(allianceId, page);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add a routing rule' })
  @Post('alliances/:id/routing-rules')
  createRule(@IdParam() allianceId: string, @Body() body: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    return this.catalogue.createRule(allianceId, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change a routing rule' })
  @Patch('alliances/:id/routing-rules/:ruleId')
  updateRule(
    @IdParam() allianceId: string,
    @IdParam('ruleId') id: string,
    @Body() body: UpdateRoutingRuleDto,
  ): Promise<RoutingRuleView> {
    return this.catalogue.updateRule(allianceId, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Remove a routing rule' })
  @Delete('alliances/:id/routing-rules/:ruleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeRule(@IdParam() allianceId: string, @IdParam('ruleId') id: string): Promise<void> {
    await this.catalogue.removeRule(allianceId, id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "The alliance's routing settings (按历史分派)" })
  @Get('alliances/:id/routing-settings')
  routingSettings(@IdParam() allianceId: string): Promise<RoutingSettingsView> {
    return this.catalogue.routingSettings(allianceId);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "Change the alliance's routing settings" })
  @Put('alliances/:id/routing-settings')
  setRoutingSettings(@IdParam() allianceId: string, @Body() body: RoutingSettingsDto): Promise<RoutingSettingsView> {
    return this.catalogue.setRoutingSettings(allianceId, body);
  }

  /** The working calendar: public holidays and make-up working days (调休) that drive the SLA timers. */
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'The working calendar' })
  @Get('working-calendar')
  calendar(@Query() query: CalendarQuery): Promise<CalendarView> {
    return this.catalogue.calendar(query.year);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Set a holiday or make-up working day' })
  @Put('working-calendar')
  setDay(@Body() body: CalendarDayDto): Promise<CalendarView> {
    return this.catalogue.setDay(body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Remove a calendar day' })
  @Delete('working-calendar/:date')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeDay(@Param('date') date: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw DomainException.invalid([{ field: 'date', reason: 'isDateString' }]);
    await this.catalogue.removeDay(date);
  }
}
