import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, RequestBody, ResponseBody } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';
import type { MembershipRole } from '../../lib/options';

export type Alliance = ResponseBody<'/api/v1/alliances/{id}', 'get'>;
export type Membership = ListItem<'/api/v1/alliances/{id}/members'>;
export type CreateAllianceInput = RequestBody<'/api/v1/alliances', 'post'>;
export type UpdateAllianceInput = RequestBody<'/api/v1/alliances/{id}', 'patch'>;
export type AddMemberInput = RequestBody<'/api/v1/alliances/{id}/members', 'post'>;
export type LeaveInput = RequestBody<'/api/v1/alliances/{id}/members/{membershipId}/leave', 'post'>;

const keys = {
  all: ['alliances'] as const,
  list: () => [...keys.all, 'list'] as const,
  detail: (id: string) => [...keys.all, 'detail', id] as const,
  members: (id: string) => [...keys.all, 'members', id] as const,
};

export function useAlliances() {
  return useCursorList(keys.list(), (cursor) =>
    unwrap(api.GET('/api/v1/alliances', { params: { query: { limit: PAGE_SIZE, cursor } } })),
  );
}

export function useAlliance(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}', { params: { path: { id } } })),
  });
}

export function useCreateAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAllianceInput) => unwrap(api.POST('/api/v1/alliances', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateAlliance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAllianceInput) =>
      unwrap(api.PATCH('/api/v1/alliances/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMembers(allianceId: string, role: MembershipRole) {
  return useCursorList([...keys.members(allianceId), 'current', role], (cursor) =>
    unwrap(
      api.GET('/api/v1/alliances/{id}/members', {
        params: { path: { id: allianceId }, query: { role, includeLeft: false, limit: PAGE_SIZE, cursor } },
      }),
    ),
  );
}

/** Membership history: one organisation's (when given) or the whole alliance's, left ones included. */
export function useMembershipHistory(allianceId: string, organizationId: string | undefined, enabled: boolean) {
  return useCursorList(
    [...keys.members(allianceId), 'history', organizationId ?? 'all'],
    (cursor) =>
      organizationId
        ? unwrap(
            api.GET('/api/v1/alliances/{id}/members/history', {
              params: { path: { id: allianceId }, query: { organizationId, limit: PAGE_SIZE, cursor } },
            }),
          )
        : unwrap(
            api.GET('/api/v1/alliances/{id}/members', {
              params: { path: { id: allianceId }, query: { includeLeft: true, limit: PAGE_SIZE, cursor } },
            }),
          ),
    { enabled },
  );
}

function useInvalidateAlliance(allianceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.members(allianceId) }),
      queryClient.invalidateQueries({ queryKey: keys.detail(allianceId) }),
      queryClient.invalidateQueries({ queryKey: keys.list() }),
    ]);
}

export function useAddMember(allianceId: string) {
  const invalidate = useInvalidateAlliance(allianceId);
  return useMutation({
    mutationFn: (input: AddMemberInput) =>
      unwrap(api.POST('/api/v1/alliances/{id}/members', { params: { path: { id: allianceId } }, body: input })),
    onSuccess: invalidate,
  });
}

export function useLeaveAlliance(allianceId: string) {
  const invalidate = useInvalidateAlliance(allianceId);
  return useMutation({
    mutationFn: ({ membershipId, ...input }: LeaveInput & { membershipId: string }) =>
      unwrap(
        api.POST('/api/v1/alliances/{id}/members/{membershipId}/leave', {
          params: { path: { id: allianceId, membershipId } },
          body: input,
        }),
      ),
    onSuccess: invalidate,
  });
}
