import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type BackupRun = ListItem<'/api/v1/admin/backups/runs'>;

const keys = {
  all: ['backups'] as const,
  runs: () => [...keys.all, 'runs'] as const,
  status: () => [...keys.all, 'status'] as const,
};

/** A run queued or running is polled every few seconds until it ends. */
const POLL_MS = 3000;

export function useBackupRuns() {
  return useCursorList(keys.runs(), (cursor) =>
    unwrap(api.GET('/api/v1/admin/backups/runs', { params: { query: { limit: PAGE_SIZE, cursor } } })),
  );
}

export function useBackupStatus() {
  return useQuery({
    queryKey: keys.status(),
    queryFn: () => unwrap(api.GET('/api/v1/admin/backups/status')),
    refetchInterval: (query) => {
      const status = query.state.data?.lastRun?.status;
      return status === 'queued' ||
        status === 'running' ||
        (status === 'succeeded' && !query.state.data?.lastRun?.verifyStatus)
        ? POLL_MS
        : false;
    },
  });
}

export function useBackUpNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/backups/runs')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRefreshBackups() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: keys.runs() }), [queryClient]);
}
