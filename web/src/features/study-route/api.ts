import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type StudySite = ResponseBody<'/api/v1/study-route', 'get'>['sites'][number];
export type StudyBooking = ResponseBody<'/api/v1/study-route/bookings', 'post'>;
export type BookRouteInput = RequestBody<'/api/v1/study-route/bookings', 'post'>;

const keys = { all: ['study-route'] as const };

export function useStudyRoute() {
  return useQuery({
    queryKey: [...keys.all, 'sites'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/study-route'))).sites,
  });
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
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/study-route/bookings', { params: { query: { limit: 100 } } }))).items,
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
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/study-route/bookings/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSiteCode(id: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'code', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/study-route/sites/{id}/code', { params: { path: { id: id! } } })),
  });
}

export function useVisitStats(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'stats', year],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/study-route/visits/stats', { params: { query: { year } } })),
  });
}

export function useScannedSite(token: string) {
  return useQuery({
    queryKey: [...keys.all, 'scan', token],
    queryFn: () => unwrap(api.GET('/api/v1/study-route/scan/{token}', { params: { path: { token } } })),
  });
}

export function useRecordScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody<'/api/v1/study-route/scan', 'post'>) =>
      unwrap(api.POST('/api/v1/study-route/scan', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export type SiteInput = RequestBody<'/api/v1/study-route/sites', 'post'>;
export type SiteChanges = RequestBody<'/api/v1/study-route/sites/{id}', 'patch'>;

/** Officials' edits of the route; each refreshes everything the route pages show. */
function useRouteMutation<T, R>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useSaveSite() {
  return useRouteMutation(({ id, body }: { id?: string; body: SiteInput & SiteChanges }) =>
    id
      ? unwrap(api.PATCH('/api/v1/study-route/sites/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/v1/study-route/sites', { body })),
  );
}

export function useMoveSite() {
  return useRouteMutation(({ id, direction }: { id: string; direction: 'up' | 'down' }) =>
    unwrap(api.POST('/api/v1/study-route/sites/{id}/move', { params: { path: { id } }, body: { direction } })),
  );
}

export function useRemoveSitePhoto() {
  return useRouteMutation(({ siteId, photoId }: { siteId: string; photoId: string }) =>
    unwrap(
      api.DELETE('/api/v1/study-route/sites/{id}/photos/{photoId}', { params: { path: { id: siteId, photoId } } }),
    ),
  );
}

/** An official records a group's visit at a site by hand. */
export function useRecordVisit() {
  return useRouteMutation(({ siteId, bookingId }: { siteId: string; bookingId: string }) =>
    unwrap(
      api.POST('/api/v1/study-route/sites/{id}/visits', { params: { path: { id: siteId } }, body: { bookingId } }),
    ),
  );
}

/** The groups booked for `day` (YYYY-MM-DD), still booked. */
export function useBookingsOn(day: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all, 'bookings-on', day],
    enabled,
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/study-route/bookings', { params: { query: { from: day, limit: 100 } } }),
      );
      return (page.items as StudyBooking[]).filter((b) => b.visitOn === day && b.status === 'booked');
    },
  });
}

export function useRefreshRoute() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.all });
}
