import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type Round = ResponseBody<'/api/v1/indicator-rounds/{id}', 'get'>;
export type RoundResults = ResponseBody<'/api/v1/indicator-rounds/{id}/results', 'get'>;
export type Submission = ResponseBody<'/api/v1/indicator-rounds/{id}/submission', 'get'>;
export type CatalogueEntry = ResponseBody<'/api/v1/indicator-catalogue', 'get'>['items'][number];
export type OpenRoundInput = RequestBody<'/api/v1/indicator-rounds', 'post'>;

const keys = {
  all: ['indicators'] as const,
  list: () => [...keys.all, 'list'] as const,
  round: (id: string) => [...keys.all, 'round', id] as const,
};

export function useCatalogue() {
  return useQuery({
    queryKey: [...keys.all, 'catalogue'],
    staleTime: Infinity,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/indicator-catalogue', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useRounds() {
  return useQuery({
    queryKey: keys.list(),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/indicator-rounds', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: keys.round(id),
    queryFn: () => unwrap(api.GET('/api/v1/indicator-rounds/{id}', { params: { path: { id } } })),
  });
}

export function useRoundResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.round(id), 'results'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/indicator-rounds/{id}/results', { params: { path: { id } } })),
  });
}

export function useRoundProgress(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.round(id), 'progress'],
    enabled,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/indicator-rounds/{id}/progress', {
            params: { path: { id }, query: { limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
  });
}

export function useSubmission(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.round(id), 'submission'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/indicator-rounds/{id}/submission', { params: { path: { id } } })),
  });
}

export function useOpenRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenRoundInput) => unwrap(api.POST('/api/v1/indicator-rounds', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSaveSubmission(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { values: Record<string, number>; submit: boolean }) =>
      unwrap(api.PUT('/api/v1/indicator-rounds/{id}/submission', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useCloseRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/indicator-rounds/{id}/close', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Moves the last day to report; a closed round opens again. */
export function useRescheduleRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deadline: string) =>
      unwrap(api.PATCH('/api/v1/indicator-rounds/{id}', { params: { path: { id } }, body: { deadline } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
