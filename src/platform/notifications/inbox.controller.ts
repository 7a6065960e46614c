import {
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  MessageEvent,
  Post,
  Query,
  Req,
  Sse,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { concatMap, defer, from, interval, map, merge, Observable, of, takeUntil } from 'rxjs';
import { Public, SignedIn } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { IdParam } from '../http/id-param.decorator';
import type { Actor } from '../tenancy/request-actor';
import { WithoutRequestTransaction } from '../tenancy/request-transaction.interceptor';
import { TenantContext } from '../tenancy/tenant-context.service';
import {
  ListNotificationsQuery,
  NotificationPage,
  NotificationView,
  StreamTicketView,
  UnreadCountView,
} from './dto/notification.dto';
import { InboxService } from './inbox.service';
import { NotificationFeed } from './live/notification-feed';
import { StreamTickets } from './live/stream-tickets';

export class StreamQuery {
  @IsString()
  @MaxLength(100)
  ticket: string;
}

const HEARTBEAT_MS = 25_000;

/** Redeems the stream's one-time ticket before the response becomes an event stream. */
@Injectable()
export class StreamTicketGuard implements CanActivate {
  constructor(private readonly tickets: StreamTickets) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ query: { ticket?: unknown }; streamActor?: Actor }>();
    const ticket = typeof request.query.ticket === 'string' ? request.query.ticket : '';
    const actor = await this.tickets.redeem(ticket);
    if (!actor) throw new DomainException(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED);
    request.streamActor = actor;
    return true;
  }
}

@ApiTags('notifications')
@Controller('notifications')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly tickets: StreamTickets,
    private readonly feed: NotificationFeed,
    private readonly tenant: TenantContext,
  ) {}

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'List the own notifications' })
  @Get()
  list(@Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.inbox.list(query);
  }

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'Count unread notifications' })
  @Get('unread-count')
  async unreadCount(): Promise<UnreadCountView> {
    return { unreadCount: await this.inbox.unreadCount() };
  }

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'Mark a notification read' })
  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  markRead(@IdParam() id: string): Promise<NotificationView> {
    return this.inbox.markRead(id);
  }

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'Mark every notification read' })
  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  async markAllRead(): Promise<UnreadCountView> {
    await this.inbox.markAllRead();
    return { unreadCount: 0 };
  }

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'Get a one-time ticket for the notification stream' })
  @Post('stream-ticket')
  @HttpCode(HttpStatus.OK)
  async streamTicket(@CurrentActor() actor: Actor): Promise<StreamTicketView> {
    return { ticket: await this.tickets.issue(actor) };
  }

  /**
   * Server-sent events: `{ unreadCount }` at once, then whenever it changes, and a heartbeat. The
   * stream ends when the process shuts down; the web app then opens one with a new ticket.
   */
  @Public()
  @WithoutRequestTransaction()
  @UseGuards(StreamTicketGuard)
  @ApiOperation({ summary: 'Stream the unread count (server-sent events)' })
  @ApiUnauthorizedResponse({ description: 'The ticket is missing, used or expired.' })
  @Sse('stream')
  stream(@Query() _query: StreamQuery, @Req() request: { streamActor: Actor }): Observable<MessageEvent> {
    const actor = request.streamActor;
    const count = () =>
      defer(() => from(this.tenant.run(actor, () => this.inbox.unreadCount(actor.userId)))).pipe(
        map((unreadCount): MessageEvent => ({ type: 'unread-count', data: { unreadCount } })),
      );
    // The feed is listened to before the first count is read, so a notification committed while the
    // stream opens is either in that count or announced after it; counts run one at a time, in order.
    return merge(
      merge(of(undefined), this.feed.forUser(actor.userId)).pipe(concatMap(() => count())),
      interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} }))),
    ).pipe(takeUntil(this.feed.shuttingDown));
  }
}
