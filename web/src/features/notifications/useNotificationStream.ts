import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchStreamTicket, notificationKeys, useApplyUnreadCount } from './api';

const STREAM_PATH = '/api/v1/notifications/stream';
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The server sends a heartbeat every 25 s; a stream silent for longer than this is dead. */
const SILENT_AFTER_MS = 60_000;

function retryDelay(failures: number): number {
  const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
  return delay / 2 + Math.random() * (delay / 2);
}

function unreadCountOf(data: string): number | null {
  try {
    const value: unknown = JSON.parse(data);
    const count = typeof value === 'object' && value !== null && 'unreadCount' in value ? value.unreadCount : undefined;
    return typeof count === 'number' ? count : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the unread count live over server-sent events. EventSource sends no Authorization
 * header, so each connection starts with a single-use ticket; after an error the stream is
 * reopened with a fresh ticket after a backoff, and the count is refetched meanwhile.
 * Returns whether the stream is up (the count query polls while it is not).
 */
export function useNotificationStream(userId: string): boolean {
  const queryClient = useQueryClient();
  const applyUnreadCount = useApplyUnreadCount();
  const [live, setLive] = useState(false);

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let lastEventAt = 0;

    const reconnectLater = () => {
      source?.close();
      source = null;
      setLive(false);
      if (stopped) return;
      // The fallback: the count as it is now, while the stream is down.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() });
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void connect(), retryDelay(failures));
      failures += 1;
    };

    const connect = async () => {
      if (stopped) return;
      let ticket: string;
      try {
        ticket = await fetchStreamTicket();
      } catch {
        reconnectLater();
        return;
      }
      if (stopped) return;
      const stream = new EventSource(`${STREAM_PATH}?ticket=${encodeURIComponent(ticket)}`);
      source = stream;
      lastEventAt = Date.now();
      stream.addEventListener('unread-count', (event: MessageEvent<string>) => {
        lastEventAt = Date.now();
        failures = 0;
        setLive(true);
        const count = unreadCountOf(event.data);
        if (count !== null) applyUnreadCount(count);
      });
      stream.addEventListener('heartbeat', () => {
        lastEventAt = Date.now();
      });
      // The ticket is spent, so EventSource's own reconnect (same URL) cannot work: start over.
      stream.onerror = () => {
        if (source === stream) reconnectLater();
      };
    };

    const watchdog = setInterval(() => {
      if (source && Date.now() - lastEventAt > SILENT_AFTER_MS) reconnectLater();
    }, SILENT_AFTER_MS / 4);
    void connect();

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(watchdog);
      source?.close();
      source = null;
    };
  }, [queryClient, applyUnreadCount, userId]);

  return live;
}
