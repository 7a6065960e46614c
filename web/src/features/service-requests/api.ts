import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fileNameFromResponse, saveBlob } from '../../api/download';
import { toApiError, unwrap } from '../../api/errors';
import type { ListItem, QueryParams, RequestBody, ResponseBody } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type ServiceRequest = ListItem<'/api/v1/service-requests'>;
export type ServiceRequestDetail = ResponseBody<'/api/v1/service-requests/{id}', 'get'>;
export type TimelineEntry = ServiceRequestDetail['timeline'][number];
export type Attachment = ServiceRequestDetail['attachments'][number];
export type RequestStatus = ServiceRequest['status'];
export type SlaState = ServiceRequest['slaState'];
export type Urgency = ServiceRequest['urgency'];
export type RequestFilters = Pick<
  QueryParams<'/api/v1/service-requests', 'get'>,
  'status' | 'assignedOrganizationId' | 'requesterOrganizationId' | 'allianceId' | 'categoryId' | 'mine'
>;
export type SubmitInput = RequestBody<'/api/v1/service-requests', 'post'>;
export type ContactMethod = NonNullable<NonNullable<SubmitInput['preferredContact']>['method']>;

export const keys = {
  all: ['serviceRequests'] as const,
  list: (filters: RequestFilters) => [...keys.all, 'list', filters] as const,
  detail: (id: string) => [...keys.all, 'detail', id] as const,
};

/** How often the detail page looks again while the worker has not routed a new request yet. */
const ROUTING_POLL_MS = 1500;

export function useServiceRequests(filters: RequestFilters, options: { enabled?: boolean } = {}) {
  return useCursorList(
    keys.list(filters),
    async (cursor) => {
      const page = await unwrap(
        api.GET('/api/v1/service-requests', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }),
      );
      return { items: page.items, nextCursor: page.nextCursor };
    },
    options,
  );
}

export function useServiceRequest(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: async () => await unwrap(api.GET('/api/v1/service-requests/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'submitted' ? ROUTING_POLL_MS : false),
  });
}

/** One key per submission; the same key on a retry lets the API answer with the first request. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useSubmitServiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, idempotencyKey }: { input: SubmitInput; idempotencyKey: string }) =>
      await unwrap(
        api.POST('/api/v1/service-requests', {
          body: input,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUploadAttachment(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(requestId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.detail(requestId) }),
  });
}

export function uploadAttachment(requestId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return unwrap(
    api.POST('/api/v1/service-requests/{id}/attachments', {
      params: { path: { id: requestId } },
      // openapi-fetch sends FormData as multipart; the schema type cannot describe a File.
      body: form as never,
    }),
  );
}

/** Attachments need the bearer token, so fetch them and save the blob. */
export function useDownloadAttachment(requestId: string) {
  return useMutation({
    mutationFn: async (attachment: Attachment) => {
      const { data, error, response } = await api.GET('/api/v1/service-requests/{id}/attachments/{attachmentId}', {
        params: { path: { id: requestId, attachmentId: attachment.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toApiError(error, response);
      saveBlob(data, fileNameFromResponse(response, attachment.fileName));
    },
  });
}

export function useAddComment(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: RequestBody<'/api/v1/service-requests/{id}/comments', 'post'>) =>
      await unwrap(
        api.POST('/api/v1/service-requests/{id}/comments', { params: { path: { id: requestId } }, body: input }),
      ),
    onSuccess: (detail) => queryClient.setQueryData(keys.detail(requestId), detail),
  });
}
