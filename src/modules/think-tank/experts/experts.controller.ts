import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/access.decorators';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { Role } from '../../../platform/auth/entities/role';
import { IdParam } from '../../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import {
  CreateExpertDto,
  DeclarationDto,
  DeclarationView,
  ExpertPage,
  ExpertView,
  ReviewHistoryPage,
  UpdateExpertDto,
  WorkloadPage,
} from '../dto/expert.dto';
import { LibraryService } from '../library/library.service';
import { ExpertsService } from './experts.service';

/** Think-tank experts: officials keep the roster; experts keep their own profile and declarations. */
@ApiTags('think-tank')
@ApiBearerAuth()
@Controller('think-tank/experts')
export class ExpertsController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly library: LibraryService,
  ) {}

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'List experts' })
  @Get()
  list(@Query() query: PageQueryDto): Promise<ExpertPage> {
    return this.experts.list(query);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Add an expert' })
  @ApiConflictResponse({ description: 'The user is already an expert.' })
  @Post()
  create(@Body() body: CreateExpertDto): Promise<ExpertView> {
    return this.experts.create(body);
  }

  /** Open reviews, on-time rate and turnaround per expert. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Expert workload' })
  @Get('workload')
  workload(@Query() query: PageQueryDto): Promise<WorkloadPage> {
    return this.library.workload(query);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'The own expert profile' })
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<ExpertView> {
    return this.experts.get((await this.experts.mine(actor)).id);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Change the own expert profile' })
  @Patch('me')
  async updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateExpertDto): Promise<ExpertView> {
    return this.experts.update((await this.experts.mine(actor)).id, body);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'The own review history' })
  @Get('me/reviews')
  async myHistory(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ReviewHistoryPage> {
    return this.experts.history(actor, (await this.experts.mine(actor)).id, query);
  }

  /** Declares a conflict of interest with an organisation or a person. */
  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Declare a conflict of interest' })
  @Post('me/declarations')
  declare(@CurrentActor() actor: Actor, @Body() body: DeclarationDto): Promise<DeclarationView> {
    return this.experts.declare(actor, body);
  }

  @Roles(Role.Expert)
  @ApiOperation({ summary: 'Withdraw a declaration' })
  @Delete('me/declarations/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.experts.withdrawDeclaration(actor, id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Get an expert' })
  @Get(':id')
  get(@IdParam() id: string): Promise<ExpertView> {
    return this.experts.get(id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change an expert' })
  @Patch(':id')
  update(@IdParam() id: string, @Body() body: UpdateExpertDto): Promise<ExpertView> {
    return this.experts.update(id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: "An expert's review history" })
  @Get(':id/reviews')
  history(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<ReviewHistoryPage> {
    return this.experts.history(actor, id, query);
  }
}
