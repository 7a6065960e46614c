import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError, unwrap } from '../../api/errors';
import { fileNameFromResponse, saveBlob } from '../../api/download';
import type { QueryParams } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { jobKeys as keys, rememberStartedJob } from '../../lib/jobs';

export type JobKind = NonNullable<QueryParams<'/api/v1/jobs', 'get'>['kind']>;
export type TemplateFormat = NonNullable<QueryParams<'/api/v1/imports/template', 'get'>['format']>;

export function useJobs() {
  return useCursorList(keys.list(), (cursor) =>
    unwrap(api.GET('/api/v1/jobs', { params: { query: { limit: 20, cursor } } })),
  );
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
    onSuccess: (job) => rememberStartedJob(queryClient, job),
  });
}

export function useStartExport(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/alliances/{id}/exports', { params: { path: { id: allianceId } } })),
    onSuccess: (job) => rememberStartedJob(queryClient, job),
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
