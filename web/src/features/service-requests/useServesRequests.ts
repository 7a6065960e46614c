import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/**
 * Whether the signed-in person's organisation serves requests (a category's provider, a routing
 * rule's target, or assigned a request before): only then does 待办服务 belong in its menu.
 */
export function useServesRequests(enabled: boolean) {
  return useQuery({
    queryKey: ['serviceRequests', 'serving'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/service-requests/serving'))).servesRequests,
    enabled,
    staleTime: 5 * 60_000,
  });
}
