import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import {
  CreatePairDto,
  ListPairsQuery,
  LogVisitDto,
  PairingVisitPage,
  PairingVisitView,
  PairPage,
  PairView,
  ProblemRequestView,
  ProblemToRequestDto,
  UpdatePairDto,
} from './dto/pairing.dto';
import { PairingService } from './pairing.service';

/** Pairing contact (结对联系) is the officials' own work: every route is theirs. */
@ApiTags('pairing')
@ApiBearerAuth()
@Controller()
export class PairingController {
  constructor(private readonly pairing: PairingService) {}

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'List pairings' })
  @Get('pairing/pairs')
  pairs(@CurrentActor() actor: Actor, @Query() query: ListPairsQuery): Promise<PairPage> {
    return this.pairing.pairs(actor, query);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Create a pairing' })
  @Post('pairing/pairs')
  createPair(@Body() body: CreatePairDto): Promise<PairView> {
    return this.pairing.createPair(body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Get a pairing' })
  @Get('pairing/pairs/:id')
  pair(@IdParam() id: string): Promise<PairView> {
    return this.pairing.pair(id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change a pairing' })
  @Patch('pairing/pairs/:id')
  updatePair(@IdParam() id: string, @Body() body: UpdatePairDto): Promise<PairView> {
    return this.pairing.updatePair(id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "List a pairing's visits" })
  @Get('pairing/pairs/:id/visits')
  visits(@IdParam() id: string, @Query() query: PageQueryDto): Promise<PairingVisitPage> {
    return this.pairing.visits(id, query);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Log a pairing visit' })
  @Post('pairing/pairs/:id/visits')
  logVisit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: LogVisitDto): Promise<PairingVisitView> {
    return this.pairing.logVisit(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Get a pairing visit' })
  @Get('pairing-visits/:id')
  visit(@IdParam() id: string): Promise<PairingVisitView> {
    return this.pairing.visit(id);
  }

  /** Files the problem as a service request on behalf of the enterprise; calling again returns the same request. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "File a visit's problem as a service request" })
  @Post('pairing-visits/:id/problems/:index/service-request')
  problemToRequest(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Param('index') index: string,
    @Body() body: ProblemToRequestDto,
  ): Promise<ProblemRequestView> {
    if (!/^\d{1,2}$/.test(index)) throw DomainException.invalid([{ field: 'index', reason: 'isInt' }]);
    return this.pairing.problemToRequest(actor, id, Number(index), body);
  }
}
