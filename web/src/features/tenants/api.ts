import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, RequestBody } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type Tenant = ListItem<'/api/v1/tenants'>;
export type CreateTenantInput = RequestBody<'/api/v1/tenants', 'post'>;

const keys = { all: ['tenants'] as const };

export function useTenants() {
  return useCursorList(keys.all, (cursor) =>
    unwrap(api.GET('/api/v1/tenants', { params: { query: { limit: PAGE_SIZE, cursor } } })),
  );
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTenantInput) => unwrap(api.POST('/api/v1/tenants', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
