import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { unwrap } from '../../api/errors';
import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';

export type ActionItem = ResponseBody<'/api/v1/action-items/{id}', 'get'>;
export type ActionItemStatus = ActionItem['status'];
export type CreateActionItemInput = RequestBody<'/api/v1/action-items', 'post'>;
export type ActionItemFilters = Pick<
  QueryParams<'/api/v1/action-items', 'get'>,
  'allianceId' | 'meetingId' | 'ownerOrganizationId' | 'status'
>;

export const actionItemKeys = {
  all: ['action-items'] as const,
  list: (filters: ActionItemFilters) => [...actionItemKeys.all, 'list', filters] as const,
};

export function useActionItems(filters: ActionItemFilters, enabled = true) {
  return useQuery({
    queryKey: actionItemKeys.list(filters),
    enabled,
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(api.GET('/api/v1/action-items', { params: { query: { ...filters, limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useCreateActionItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActionItemInput) => unwrap(api.POST('/api/v1/action-items', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionItemKeys.all }),
  });
}

export function useReportProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; progress: number; note?: string }) =>
      unwrap(api.POST('/api/v1/action-items/{id}/progress', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionItemKeys.all }),
  });
}
