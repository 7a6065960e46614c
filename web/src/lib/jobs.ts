import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/client';
import { toApiError, unwrap } from '../api/errors';
import { fileNameFromResponse, saveBlob } from '../api/download';
import type { ListItem } from '../api/types';

/** A background job (import, export) as the jobs API lists it; several features start and follow them. */
export type Job = ListItem<'/api/v1/jobs'>;

const POLL_INTERVAL_MS = 1000;

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => [...jobKeys.all, 'list'] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
};

export function isFinished(job: Pick<Job, 'status'> | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** After a feature has started a job: cache it for useJob and refresh the recent jobs. */
export function rememberStartedJob(queryClient: QueryClient, job: Job): void {
  queryClient.setQueryData(jobKeys.detail(job.id), job);
  void queryClient.invalidateQueries({ queryKey: jobKeys.list() });
}

/** Polls a job every second until it has succeeded or failed. */
export function useJob(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: jobKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: (q) => (isFinished(q.state.data) || q.state.status === 'error' ? false : POLL_INTERVAL_MS),
  });

  const finishedKind = isFinished(query.data) ? query.data?.kind : undefined;
  useEffect(() => {
    if (!finishedKind) return;
    void queryClient.invalidateQueries({ queryKey: jobKeys.list() });
    if (finishedKind === 'member-import') {
      void queryClient.invalidateQueries({ queryKey: ['alliances'] });
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    }
  }, [finishedKind, queryClient]);

  return query;
}

/** The export link needs the bearer token, so fetch it and save the blob. */
export function useDownloadJobFile() {
  return useMutation({
    mutationFn: async (job: Pick<Job, 'id' | 'fileName'>) => {
      const { data, error, response } = await api.GET('/api/v1/jobs/{id}/download', {
        params: { path: { id: job.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toApiError(error, response);
      saveBlob(data, fileNameFromResponse(response, job.fileName ?? `export-${job.id}.xlsx`));
    },
  });
}
