import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { languageFrom } from '../../platform/errors/localized-messages';
import { IdParam } from '../../platform/http/id-param.decorator';
import { ReadsFromReplica } from '../../platform/tenancy/request-transaction.interceptor';
import { TransferJobView } from '../registry-transfer/dto/transfer-job.view';
import { DashboardExports } from './dashboard-exports.service';
import { DashboardService } from './dashboard.service';
import { DashboardExportDto, DashboardQuery, DashboardView } from './dto/dashboard.dto';

/** The alliance dashboard (联盟驾驶舱) for officials and departments, and its exports. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('alliances/:id/dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly exports: DashboardExports,
  ) {}

  @Roles(Role.TownshipAdmin, Role.DepartmentStaff)
  @ReadsFromReplica()
  @ApiOperation({ summary: "An alliance's dashboard" })
  @Get()
  get(@IdParam() id: string, @Query() query: DashboardQuery): Promise<DashboardView> {
    return this.dashboard.compute(id, query);
  }

  /** Starts an .xlsx or PDF export; follow it at /jobs/:id, where officials download their files. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Export the dashboard' })
  @Post('exports')
  export(
    @IdParam() id: string,
    @Body() body: DashboardExportDto,
    @Req() request: FastifyRequest,
  ): Promise<TransferJobView> {
    return this.exports.start(id, body, languageFrom(request.headers['accept-language']));
  }
}
