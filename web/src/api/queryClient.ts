import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, validation) will not get better by retrying.
      retry: (failureCount, error) => !(error instanceof ApiError && error.statusCode < 500) && failureCount < 2,
    },
  },
});
