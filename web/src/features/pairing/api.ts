import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type Pair = ResponseBody<'/api/v1/pairing/pairs/{id}', 'get'>;
export type PairingVisit = ResponseBody<'/api/v1/pairing-visits/{id}', 'get'>;

const keys = { all: ['pairing'] as const };

export function usePairs(all: boolean) {
  return useQuery({ queryKey: [...keys.all, 'pairs', all], queryFn: async () => (await unwrap(api.GET('/api/v1/pairing/pairs', { params: { query: { all: all ? 'true' : undefined } } }))).items as Pair[] });
}

export function usePairVisits(pairId: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'visits', pairId],
    enabled: !!pairId,
    queryFn: async () => (await unwrap(api.GET('/api/v1/pairing/pairs/{id}/visits', { params: { path: { id: pairId! } } }))).items as PairingVisit[],
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
      unwrap(api.POST('/api/v1/pairing-visits/{id}/problems/{index}/service-request', { params: { path: { id: visitId, index: String(index) } }, body: { categoryId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
