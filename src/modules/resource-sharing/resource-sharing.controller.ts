import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import {
  CreateListingDto,
  CreateTalentDto,
  ExpressInterestDto,
  ListListingsQuery,
  ListTalentsQuery,
  MessageDto,
} from './dto/listing.dto';
import {
  InterestPage,
  InterestView,
  ListingPage,
  ListingView,
  MatchPage,
  TalentPage,
  TalentView,
} from './dto/listing.view';
import { ResourceSharingService } from './resource-sharing.service';

const MEMBERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];

@ApiTags('resource sharing')
@ApiBearerAuth()
@Controller()
export class ResourceSharingController {
  constructor(private readonly sharing: ResourceSharingService) {}

  /** Publishes a need, a resource (equipment, space, know-how) or a project seeking partners. */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Publish a listing' })
  @Post('listings')
  create(@CurrentActor() actor: Actor, @Body() body: CreateListingDto): Promise<ListingView> {
    return this.sharing.create(actor, body);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List listings' })
  @Get('listings')
  list(@CurrentActor() actor: Actor, @Query() query: ListListingsQuery): Promise<ListingPage> {
    return this.sharing.list(actor, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a listing' })
  @Get('listings/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ListingView> {
    return this.sharing.get(actor, id);
  }

  /** Suggested counterparts by category and tags, best first. */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Suggested matches for a listing' })
  @Get('listings/:id/matches')
  matches(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQueryDto): Promise<MatchPage> {
    return this.sharing.matches(actor, id, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Close a listing' })
  @ApiConflictResponse({ description: 'The listing is already closed.' })
  @Post('listings/:id/close')
  @HttpCode(HttpStatus.OK)
  close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ListingView> {
    return this.sharing.close(actor, id);
  }

  /** The actor's organisation is interested: opens a thread with the publisher and tells both. */
  @Roles(Role.DepartmentStaff, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Express interest in a listing' })
  @ApiConflictResponse({ description: 'The listing is closed, or the organisation is already interested.' })
  @Post('listings/:id/interests')
  expressInterest(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ExpressInterestDto,
  ): Promise<InterestView> {
    return this.sharing.expressInterest(actor, id, body.message);
  }

  /** Interests the actor's organisation is a party to (officials: all). */
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List interests' })
  @Get('listing-interests')
  interests(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<InterestPage> {
    return this.sharing.interests(actor, query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get an interest thread' })
  @Get('listing-interests/:id')
  interest(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<InterestView> {
    return this.sharing.interest(actor, id);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Post a message in an interest thread' })
  @Post('listing-interests/:id/messages')
  postMessage(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: MessageDto): Promise<InterestView> {
    return this.sharing.postMessage(actor, id, body.body);
  }

  /** Adds a person to the talent pool on behalf of the actor's organisation. */
  @Roles(Role.DepartmentStaff, Role.EnterpriseContact)
  @ApiOperation({ summary: 'Add a person to the talent pool' })
  @Post('talents')
  createTalent(@CurrentActor() actor: Actor, @Body() body: CreateTalentDto): Promise<TalentView> {
    return this.sharing.createTalent(actor, body);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'List the talent pool' })
  @Get('talents')
  talents(@Query() query: ListTalentsQuery): Promise<TalentPage> {
    return this.sharing.talents(query);
  }
}
