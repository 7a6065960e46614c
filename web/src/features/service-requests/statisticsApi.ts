import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { QueryParams, ResponseBody } from '../../api/types';
import { keys, type ServiceRequest } from './api';
import { rememberStartedJob } from '../../lib/jobs';

export type Statistics = ResponseBody<'/api/v1/service-requests/statistics', 'get'>;
export type DepartmentStatistics = Statistics['byDepartment'][number];
export type StatisticsQuery = QueryParams<'/api/v1/service-requests/statistics', 'get'>;

/** 督办: open requests at risk or late, in the API's order (most urgent first). */
export function useSupervision() {
  return useQuery({
    queryKey: [...keys.all, 'supervision'],
    queryFn: async () =>
      (await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/service-requests/supervision', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }),
        ),
      )) as ServiceRequest[],
    refetchInterval: 60_000,
  });
}

export function useStatistics(query: Partial<StatisticsQuery>) {
  return useQuery({
    queryKey: [...keys.all, 'statistics', query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/service-requests/statistics', { params: { query: query as StatisticsQuery } })),
    enabled: Boolean(query.allianceId),
    placeholderData: keepPreviousData,
  });
}

/** Starts the .xlsx export; the worker writes it and the jobs feature follows it. */
export function useStartStatisticsExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (query: StatisticsQuery) =>
      unwrap(api.POST('/api/v1/service-requests/statistics/exports', { body: query })),
    onSuccess: (job) => rememberStartedJob(queryClient, job),
  });
}
