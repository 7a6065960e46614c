import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type TypicalCase = ResponseBody<'/api/v1/typical-cases/{id}', 'get'>;
export type NominateInput = RequestBody<'/api/v1/typical-cases', 'post'>;

const keys = { all: ['typical-cases'] as const };

export function useCases() {
  return useQuery({
    queryKey: [...keys.all, 'list'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/typical-cases', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: [...keys.all, 'case', id],
    queryFn: () => unwrap(api.GET('/api/v1/typical-cases/{id}', { params: { path: { id } } })),
  });
}

export function useShowcaseSettings(allianceId: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'showcase', allianceId],
    enabled: !!allianceId,
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/showcase', { params: { path: { id: allianceId! } } })),
  });
}

function useInvalidating<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useNominate = () =>
  useInvalidating((body: NominateInput) => unwrap(api.POST('/api/v1/typical-cases', { body })));
export const useReview = () =>
  useInvalidating(({ id, decision, comment }: { id: string; decision: 'approve' | 'return'; comment?: string }) =>
    unwrap(api.POST('/api/v1/typical-cases/{id}/review', { params: { path: { id } }, body: { decision, comment } })),
  );
export const usePublish = () =>
  useInvalidating(({ id, publish }: { id: string; publish: boolean }) =>
    publish
      ? unwrap(api.POST('/api/v1/typical-cases/{id}/publish', { params: { path: { id } } }))
      : unwrap(api.POST('/api/v1/typical-cases/{id}/unpublish', { params: { path: { id } } })),
  );
export const useUpdateCase = () =>
  useInvalidating(({ id, ...body }: { id: string; title?: string; summary?: string; body?: string }) =>
    unwrap(api.PATCH('/api/v1/typical-cases/{id}', { params: { path: { id } }, body })),
  );
export const useConfigureShowcase = () =>
  useInvalidating(
    ({ allianceId, enabled, newAddress }: { allianceId: string; enabled: boolean; newAddress?: boolean }) =>
      unwrap(
        api.PUT('/api/v1/alliances/{id}/showcase', {
          params: { path: { id: allianceId } },
          body: { enabled, newAddress },
        }),
      ),
  );
