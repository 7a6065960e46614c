import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/access.decorators';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { Role } from '../../../platform/auth/entities/role';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { ServingView } from './serving.view';
import { ServingRepository } from './serving.repository';

@ApiTags('service requests')
@ApiBearerAuth()
@Controller('service-requests')
export class ServingController {
  constructor(private readonly serving: ServingRepository) {}

  /** Whether the signed-in person's organisation serves requests, i.e. whether 待办服务 belongs in their menu. */
  @Roles(Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Whether the own organisation serves requests' })
  @Get('serving')
  async show(@CurrentActor() actor: Actor): Promise<ServingView> {
    return { servesRequests: actor.organizationId ? await this.serving.servesRequests(actor.organizationId) : false };
  }
}
