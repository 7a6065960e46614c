import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, QueryParams, RequestBody } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type User = ListItem<'/api/v1/users'>;
export type UserFilters = Pick<QueryParams<'/api/v1/users', 'get'>, 'role' | 'q' | 'status'>;
export type InviteUserInput = RequestBody<'/api/v1/users/invitations', 'post'>;
export type UpdateUserInput = RequestBody<'/api/v1/users/{id}', 'patch'>;

const keys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => [...keys.all, 'list', filters] as const,
};

export function useUsers(filters: UserFilters) {
  return useCursorList(keys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/users', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useInviteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: InviteUserInput) => unwrap(api.POST('/api/v1/users/invitations', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: input })),
    onSuccess: invalidate,
  });
}

export function useSetUserEnabled() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      unwrap(
        enabled
          ? api.POST('/api/v1/users/{id}/enable', { params: { path: { id } } })
          : api.POST('/api/v1/users/{id}/disable', { params: { path: { id } } }),
      ),
    onSuccess: invalidate,
  });
}
