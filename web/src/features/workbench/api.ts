import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ResponseBody } from '../../api/types';

export type Workbench = ResponseBody<'/api/v1/workbench', 'get'>;
export type WorkbenchSection = Workbench['sections'][number];
export type WorkbenchItem = WorkbenchSection['items'][number];

export const workbenchKey = ['workbench'] as const;

/**
 * What waits for the signed-in person; looked at again every minute while the page is open, and on
 * every return to it: work done on an item's page (a request accepted, minutes approved) must leave
 * the workbench at once, not when the app's default half-minute cache runs out.
 */
export function useWorkbench(enabled: boolean) {
  return useQuery({
    queryKey: workbenchKey,
    queryFn: () => unwrap(api.GET('/api/v1/workbench')),
    enabled,
    staleTime: 0,
    refetchInterval: 60_000,
  });
}
