import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type StudySite = ResponseBody<'/api/v1/study-route', 'get'>['sites'][number];
export type StudyBooking = ResponseBody<'/api/v1/study-route/bookings', 'post'>;
export type BookRouteInput = RequestBody<'/api/v1/study-route/bookings', 'post'>;

const keys = { all: ['study-route'] as const };

export function useStudyRoute() {
  return useQuery({ queryKey: [...keys.all, 'sites'], queryFn: async () => (await unwrap(api.GET('/api/v1/study-route'))).sites });
}

export function useAvailability(date: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'availability', date],
    enabled: !!date,
    queryFn: () => unwrap(api.GET('/api/v1/study-route/availability', { params: { query: { date: date! } } })),
  });
}

export function useStudyBookings() {
  return useQuery({
    queryKey: [...keys.all, 'bookings'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/study-route/bookings', { params: { query: { limit: 100 } } }))).items as StudyBooking[],
  });
}

export function useBookRoute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookRouteInput) => unwrap(api.POST('/api/v1/study-route/bookings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useCancelStudyBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/study-route/bookings/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSiteCode(id: string | undefined) {
  return useQuery({ queryKey: [...keys.all, 'code', id], enabled: !!id, queryFn: () => unwrap(api.GET('/api/v1/study-route/sites/{id}/code', { params: { path: { id: id! } } })) });
}

export function useVisitStats(year: number, enabled: boolean) {
  return useQuery({ queryKey: [...keys.all, 'stats', year], enabled, queryFn: () => unwrap(api.GET('/api/v1/study-route/visits/stats', { params: { query: { year } } })) });
}

export function useScannedSite(token: string) {
  return useQuery({ queryKey: [...keys.all, 'scan', token], queryFn: () => unwrap(api.GET('/api/v1/study-route/scan/{token}', { params: { path: { token } } })) });
}

export function useRecordScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody<'/api/v1/study-route/scan', 'post'>) => unwrap(api.POST('/api/v1/study-route/scan', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
