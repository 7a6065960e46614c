import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type Organization = ResponseBody<'/api/v1/organizations/{id}', 'get'>;
export type OrganizationFilters = Pick<QueryParams<'/api/v1/organizations', 'get'>, 'kind' | 'q' | 'allianceId'>;
export type CreateOrganizationInput = RequestBody<'/api/v1/organizations', 'post'>;
export type UpdateOrganizationInput = RequestBody<'/api/v1/organizations/{id}', 'patch'>;

const keys = {
  all: ['organizations'] as const,
  list: (filters: OrganizationFilters) => [...keys.all, 'list', filters] as const,
  detail: (id: string) => [...keys.all, 'detail', id] as const,
};

export function useOrganizations(filters: OrganizationFilters) {
  return useCursorList(keys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/organizations', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
}

/** First page only, for pickers that search as the user types. */
export function useOrganizationOptions(filters: OrganizationFilters, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.list(filters), 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { ...filters, limit: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganizationInput) => unwrap(api.POST('/api/v1/organizations', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOrganizationInput) =>
      unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
