import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type ProjectCall = ResponseBody<'/api/v1/project-calls/{id}', 'get'>;
export type CallSummary = ResponseBody<'/api/v1/project-calls', 'get'>['items'][number];
export type Application = ResponseBody<'/api/v1/project-applications/{id}', 'get'>;
export type ApplicationStep = Application['step'];
export type CreateCallInput = RequestBody<'/api/v1/project-calls', 'post'>;

export const STEPS: ApplicationStep[] = ['preparing', 'materials_submitted', 'under_review', 'approved'];

const keys = { all: ['project-calls'] as const };

export function useCalls() {
  return useQuery({
    queryKey: [...keys.all, 'list'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/project-calls', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useCall(id: string) {
  return useQuery({
    queryKey: [...keys.all, 'call', id],
    queryFn: () => unwrap(api.GET('/api/v1/project-calls/{id}', { params: { path: { id } } })),
  });
}

export function useApplications() {
  return useQuery({
    queryKey: [...keys.all, 'applications'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/project-applications', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

function useInvalidating<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateCall = () =>
  useInvalidating((body: CreateCallInput) => unwrap(api.POST('/api/v1/project-calls', { body })));
export const useApply = () =>
  useInvalidating(({ id, organizationId, note }: { id: string; organizationId?: string; note?: string }) =>
    unwrap(
      api.POST('/api/v1/project-calls/{id}/applications', { params: { path: { id } }, body: { organizationId, note } }),
    ),
  );
export const useAdvance = () =>
  useInvalidating(({ id, step, note }: { id: string; step: ApplicationStep; note?: string }) =>
    unwrap(api.POST('/api/v1/project-applications/{id}/step', { params: { path: { id } }, body: { step, note } })),
  );
export const useAddNote = () =>
  useInvalidating(({ id, note }: { id: string; note: string }) =>
    unwrap(api.POST('/api/v1/project-applications/{id}/notes', { params: { path: { id } }, body: { note } })),
  );
