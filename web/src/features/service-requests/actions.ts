import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { keys } from './api';

/** Every action the API may list in `allowedActions`, in the order the page shows the buttons. */
export const ACTIONS = [
  'accept',
  'start',
  'resolve',
  'return',
  'provide_information',
  'transfer',
  'route',
  'rate',
  'close',
  'reopen',
  'chase',
  'merge',
  'reject',
] as const;
export type RequestAction = (typeof ACTIONS)[number];

export type ActionInput =
  | { action: 'accept' | 'start' | 'close' | 'chase' }
  | { action: 'return' | 'reject' | 'reopen'; reason: string }
  | { action: 'provide_information'; information: string }
  | { action: 'transfer'; organizationId: string; reason: string }
  | { action: 'route'; organizationId: string }
  | { action: 'resolve'; resolution: string }
  | { action: 'rate'; rating: number; comment?: string }
  | { action: 'merge'; intoId: string };

function perform(id: string, input: ActionInput) {
  const path = { params: { path: { id } } };
  switch (input.action) {
    case 'accept':
      return unwrap(api.POST('/api/v1/service-requests/{id}/accept', path));
    case 'start':
      return unwrap(api.POST('/api/v1/service-requests/{id}/start', path));
    case 'close':
      return unwrap(api.POST('/api/v1/service-requests/{id}/close', path));
    case 'chase':
      return unwrap(api.POST('/api/v1/service-requests/{id}/chase', path));
    case 'return':
      return unwrap(api.POST('/api/v1/service-requests/{id}/return', { ...path, body: { reason: input.reason } }));
    case 'reject':
      return unwrap(api.POST('/api/v1/service-requests/{id}/reject', { ...path, body: { reason: input.reason } }));
    case 'reopen':
      return unwrap(api.POST('/api/v1/service-requests/{id}/reopen', { ...path, body: { reason: input.reason } }));
    case 'provide_information':
      return unwrap(
        api.POST('/api/v1/service-requests/{id}/provide-information', {
          ...path,
          body: { information: input.information },
        }),
      );
    case 'transfer':
      return unwrap(
        api.POST('/api/v1/service-requests/{id}/transfer', {
          ...path,
          body: { organizationId: input.organizationId, reason: input.reason },
        }),
      );
    case 'route':
      return unwrap(
        api.POST('/api/v1/service-requests/{id}/route', { ...path, body: { organizationId: input.organizationId } }),
      );
    case 'resolve':
      return unwrap(
        api.POST('/api/v1/service-requests/{id}/resolve', { ...path, body: { resolution: input.resolution } }),
      );
    case 'rate':
      return unwrap(
        api.POST('/api/v1/service-requests/{id}/rate', {
          ...path,
          body: { rating: input.rating, comment: input.comment },
        }),
      );
    case 'merge':
      return unwrap(api.POST('/api/v1/service-requests/{id}/merge', { ...path, body: { intoId: input.intoId } }));
  }
}

/**
 * Runs one action. The answer is the new detail, except after a hand-over that leaves the
 * signed-in user outside the request: then it is a bare summary (no timeline), reported as `handedOver`.
 */
export function useRequestAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ActionInput) => {
      const detail = await perform(id, input);
      return { detail, handedOver: detail.timeline.length === 0 };
    },
    onSuccess: ({ detail, handedOver }) => {
      if (handedOver) queryClient.removeQueries({ queryKey: keys.detail(id) });
      else queryClient.setQueryData(keys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...keys.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...keys.all, 'supervision'] });
    },
    // Someone else moved the request on (409): show its current state and buttons.
    onError: (error) => {
      if (error instanceof ApiError && error.statusCode === 409)
        void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
    },
  });
}
