import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, QueryParams, RequestBody, ResponseBody } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type Notification = ListItem<'/api/v1/notifications'>;
export type NotificationFilters = Pick<QueryParams<'/api/v1/notifications', 'get'>, 'unread' | 'type'>;
export type Preferences = ResponseBody<'/api/v1/notification-preferences', 'get'>;
export type PreferencesInput = RequestBody<'/api/v1/notification-preferences', 'put'>;
type UnreadCount = ResponseBody<'/api/v1/notifications/unread-count', 'get'>;

/** How many items the bell's popover shows. */
export const LATEST_LIMIT = 8;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (filters: NotificationFilters) => [...notificationKeys.lists(), filters] as const,
  latest: () => [...notificationKeys.lists(), 'latest'] as const,
  preferences: ['notification-preferences'] as const,
};

/**
 * The unread count. The bell's event stream writes into this query; while the stream is down
 * the bell asks it to `poll` instead.
 */
export function useUnreadCount(poll = false) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => {
      const result = await unwrap(api.GET('/api/v1/notifications/unread-count'));
      // A count fetched (while the stream is down, or on mount) that differs also means the lists changed.
      const previous = queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount());
      if (previous && previous.unreadCount !== result.unreadCount)
        void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
      return result;
    },
    refetchInterval: poll ? 30_000 : false,
  });
}

export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: LATEST_LIMIT } } })),
    enabled,
  });
}

export function useNotifications(filters: NotificationFilters) {
  return useCursorList(notificationKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/notifications', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
}

/**
 * Sets the count everywhere and refreshes the lists. The stream speaks only when the inbox changed
 * (or when it opens), so the lists refresh on every event, even when the count is one a poll or
 * refetch has already cached: comparing counts would then swallow the change.
 */
export function useApplyUnreadCount() {
  const queryClient = useQueryClient();
  return useCallback(
    (unreadCount: number) => {
      queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { unreadCount });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    },
    [queryClient],
  );
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: (result) => {
      queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), result);
      return queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    },
  });
}

export async function fetchStreamTicket(): Promise<string> {
  const { ticket } = await unwrap(api.POST('/api/v1/notifications/stream-ticket'));
  return ticket;
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => unwrap(api.GET('/api/v1/notification-preferences')),
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PreferencesInput) => unwrap(api.PUT('/api/v1/notification-preferences', { body: input })),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}
