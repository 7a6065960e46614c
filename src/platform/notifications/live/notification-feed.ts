import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { filter, map, Observable, Subject } from 'rxjs';
import type { Environment } from '../../config/environment';
import { NOTIFICATION_CHANNEL } from '../notifier.service';

const RECONNECT_MS = 1000;

/**
 * Every API process LISTENs for new inbox items. PostgreSQL delivers the NOTIFY at commit, to
 * every process, so a person's bell updates whichever process holds their stream.
 */
@Injectable()
export class NotificationFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationFeed.name);
  private readonly created = new Subject<string>();
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

  /** For changes this process makes itself (mark read) that other tabs should see. */
  touch(userId: string): void {
    this.created.next(userId);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
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
