import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';
import { rememberStartedJob } from '../../lib/jobs';

export type DashboardView = ResponseBody<'/api/v1/alliances/{id}/dashboard', 'get'>;
export type DashboardExportFormat = RequestBody<'/api/v1/alliances/{id}/dashboard/exports', 'post'>['format'];

/** The period as the API takes it: `from` included, `to` excluded (YYYY-MM-DD); both optional. */
export type DashboardPeriod = QueryParams<'/api/v1/alliances/{id}/dashboard', 'get'>;

const keys = {
  all: ['dashboard'] as const,
  view: (allianceId: string, period: DashboardPeriod) => [...keys.all, allianceId, period] as const,
};

/** The alliance's figures; `refreshMs` makes it look again by itself (the wall display). */
export function useDashboard(allianceId: string | undefined, period: DashboardPeriod, refreshMs?: number) {
  return useQuery({
    queryKey: keys.view(allianceId ?? '', period),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/dashboard', {
          params: { path: { id: allianceId! }, query: { from: period.from, to: period.to } },
        }),
      ),
    enabled: Boolean(allianceId),
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
    refetchIntervalInBackground: Boolean(refreshMs),
  });
}

/** Starts an .xlsx or PDF export in the worker; the jobs feature follows it. */
export function useStartDashboardExport(allianceId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ format, period }: { format: DashboardExportFormat; period: DashboardPeriod }) =>
      unwrap(
        api.POST('/api/v1/alliances/{id}/dashboard/exports', {
          params: { path: { id: allianceId! } },
          body: { format, from: period.from, to: period.to },
        }),
      ),
    onSuccess: (job) => rememberStartedJob(queryClient, job),
  });
}
