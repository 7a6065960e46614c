import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { toApiError, unwrap } from '../../api/errors';
import { fileNameFromResponse, saveBlob } from '../../api/download';
import type { ListItem, QueryParams } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';

export type Job = ListItem<'/api/v1/jobs'>;
export type JobKind = NonNullable<QueryParams<'/api/v1/jobs', 'get'>['kind']>;
export type TemplateFormat = NonNullable<QueryParams<'/api/v1/imports/template', 'get'>['format']>;

const POLL_INTERVAL_MS = 1000;

const keys = {
  all: ['jobs'] as const,
  list: () => [...keys.all, 'list'] as const,
  detail: (id: string) => [...keys.all, 'detail', id] as const,
};

export function isFinished(job: Pick<Job, 'status'> | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

export function useJobs() {
  return useCursorList(keys.list(), (cursor) =>
    unwrap(api.GET('/api/v1/jobs', { params: { query: { limit: 20, cursor } } })),
  );
}

/** Polls a job every second until it has succeeded or failed. */
export function useJob(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: (q) => (isFinished(q.state.data) || q.state.status === 'error' ? false : POLL_INTERVAL_MS),
  });

  const finishedKind = isFinished(query.data) ? query.data?.kind : undefined;
  useEffect(() => {
    if (!finishedKind) return;
    void queryClient.invalidateQueries({ queryKey: keys.list() });
    if (finishedKind === 'member-import') {
      void queryClient.invalidateQueries({ queryKey: ['alliances'] });
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    }
  }, [finishedKind, queryClient]);

  return query;
}

export function useStartImport(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/alliances/{id}/imports', {
          params: { path: { id: allianceId } },
          // openapi-fetch sends FormData as multipart; the schema type cannot describe a File.
          body: form as never,
        }),
      );
    },
    onSuccess: (job) => {
      queryClient.setQueryData(keys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: keys.list() });
    },
  });
}

export function useStartExport(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/alliances/{id}/exports', { params: { path: { id: allianceId } } })),
    onSuccess: (job) => {
      queryClient.setQueryData(keys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: keys.list() });
    },
  });
}

export function useDownloadTemplate() {
  return useMutation({
    mutationFn: async ({ format, fallbackName }: { format: TemplateFormat; fallbackName: string }) => {
      const { data, error, response } = await api.GET('/api/v1/imports/template', {
        params: { query: { format } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toApiError(error, response);
      saveBlob(data, fileNameFromResponse(response, `${fallbackName}.${format}`));
    },
  });
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
