import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import type { Actor } from '../../platform/tenancy/request-actor';
import { WorkbenchView } from './dto/workbench.view';
import { WorkbenchService } from './workbench.service';

/** 工作台: the home page of everyone in a township. A platform admin belongs to no township and has none (403). */
@ApiTags('workbench')
@ApiBearerAuth()
@Controller('workbench')
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  /** What waits for the signed-in person now: per section, the count and the first few items, oldest or most urgent first. */
  @Roles(Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert)
  @ApiOperation({ summary: 'The own workbench' })
  @Get()
  get(@CurrentActor() actor: Actor): Promise<WorkbenchView> {
    return this.workbench.read(actor);
  }
}
