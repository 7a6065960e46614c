import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type Pair = ResponseBody<'/api/v1/pairing/pairs/{id}', 'get'>;
export type PairingVisit = ResponseBody<'/api/v1/pairing-visits/{id}', 'get'>;

const keys = { all: ['pairing'] as const };

export function usePairs(all: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'pairs', all],
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/pairing/pairs', {
            params: { query: { all: all ? 'true' : undefined, limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
  });
}

export function usePairVisits(pairId: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'visits', pairId],
    enabled: !!pairId,
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/pairing/pairs/{id}/visits', {
            params: { path: { id: pairId! }, query: { limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
  });
}

export function useLogVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pairId, ...body }: { pairId: string } & RequestBody<'/api/v1/pairing/pairs/{id}/visits', 'post'>) =>
      unwrap(api.POST('/api/v1/pairing/pairs/{id}/visits', { params: { path: { id: pairId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useProblemToRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, index, categoryId }: { visitId: string; index: number; categoryId: string }) =>
      unwrap(
        api.POST('/api/v1/pairing-visits/{id}/problems/{index}/service-request', {
          params: { path: { id: visitId, index: String(index) } },
          body: { categoryId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export type PairInput = RequestBody<'/api/v1/pairing/pairs', 'post'>;
export type PairChanges = RequestBody<'/api/v1/pairing/pairs/{id}', 'patch'>;

export function useCreatePair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PairInput) => unwrap(api.POST('/api/v1/pairing/pairs', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Changes the visit interval, or ends (active: false) or resumes a pair. */
export function useUpdatePair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & PairChanges) =>
      unwrap(api.PATCH('/api/v1/pairing/pairs/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Active township officials, searched by name, for the official of a pair. */
export function useOfficialOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'officials', q],
    enabled,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/users', {
            params: { query: { role: 'township_admin', q: q || undefined, status: 'active', limit: 50 } },
          }),
        )
      ).items,
  });
}
