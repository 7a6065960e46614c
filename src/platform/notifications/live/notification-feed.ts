import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { filter, map, Observable, ReplaySubject, Subject } from 'rxjs';
import type { EntityManager } from 'typeorm';
import type { Environment } from '../../config/environment';

export const NOTIFICATION_CHANNEL = 'notification_created';

const RECONNECT_MS = 1000;

/**
 * Tells every API process, when the caller's transaction commits, that these people's inboxes
 * changed (an item came, or was read), so whichever process holds their stream sends the new count.
 * Nothing is announced for a transaction that rolls back.
 */
export async function announceInboxChange(
  manager: EntityManager,
  tenantId: string | null,
  userIds: string[],
): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [NOTIFICATION_CHANNEL, JSON.stringify({ tenantId, userIds })]);
}

/**
 * Every API process LISTENs for inbox changes. PostgreSQL delivers the NOTIFY at commit, to every
 * listening process, so a person's bell updates whichever process holds their stream: nothing of
 * it lives in one process's memory. (It LISTENs on DATABASE_URL, the primary: replicas and
 * transaction-mode poolers do not deliver notifications.)
 */
@Injectable()
export class NotificationFeed implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationFeed.name);
  private readonly created = new Subject<string>();
  private readonly closing = new ReplaySubject<void>(1);
  private client?: Client;
  private stopped = false;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** Emits each time a notification for `userId` is committed. */
  forUser(userId: string): Observable<void> {
    return this.created.pipe(
      filter((id) => id === userId),
      map(() => undefined),
    );
  }

  /**
   * Emits once the process begins to shut down. A stream never ends by itself, so the server would
   * wait for it until it is killed; ended, the browser opens a new one, on another process.
   */
  get shuttingDown(): Observable<void> {
    return this.closing.asObservable();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  /** Before the HTTP server closes: it waits for every open response, streams included. */
  beforeApplicationShutdown(): void {
    this.closing.next();
    this.closing.complete();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.created.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.get('DATABASE_URL', { infer: true }) });
    client.on('notification', (message) => {
      try {
        const { userIds } = JSON.parse(message.payload ?? '{}') as { userIds?: string[] };
        for (const id of userIds ?? []) this.created.next(id);
      } catch {
        // a malformed payload is not ours to act on
      }
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'Notification feed lost; reconnecting');
      if (!this.stopped) setTimeout(() => void this.connect().catch(() => undefined), RECONNECT_MS);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not LISTEN for notifications; retrying');
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.connect().catch(() => undefined), RECONNECT_MS);
    }
  }
}
