import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type Venue = ResponseBody<'/api/v1/venues/{id}', 'get'>;
export type VenueBooking = ResponseBody<'/api/v1/venue-bookings/{id}', 'get'>;
export type CalendarEntry = ResponseBody<'/api/v1/venues/{id}/calendar', 'get'>['entries'][number];
export type BookZoneInput = RequestBody<'/api/v1/venue-bookings', 'post'>;

export const venueKeys = { all: ['venues'] as const };

export function useVenues() {
  return useQuery({
    queryKey: [...venueKeys.all, 'list'],
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET('/api/v1/venues', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }))),
  });
}

export function useVenueCalendar(id: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...venueKeys.all, 'calendar', id, from, to],
    enabled: !!id,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/venues/{id}/calendar', { params: { path: { id: id! }, query: { from, to } } })))
        .entries,
  });
}

export function useVenueBookings(status?: VenueBooking['status']) {
  return useQuery({
    queryKey: [...venueKeys.all, 'bookings', status],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/venue-bookings', { params: { query: { status, limit: 100 } } }))).items,
  });
}

export function useBookZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookZoneInput) => unwrap(api.POST('/api/v1/venue-bookings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: venueKeys.all }),
  });
}

export function useBookingAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject' | 'cancel'; note?: string }) =>
      action === 'cancel'
        ? unwrap(api.POST('/api/v1/venue-bookings/{id}/cancel', { params: { path: { id } } }))
        : action === 'approve'
          ? unwrap(api.POST('/api/v1/venue-bookings/{id}/approve', { params: { path: { id } }, body: { note } }))
          : unwrap(api.POST('/api/v1/venue-bookings/{id}/reject', { params: { path: { id } }, body: { note } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: venueKeys.all }),
  });
}

export type Zone = Venue['zones'][number];
export type VenueInput = RequestBody<'/api/v1/venues', 'post'>;
export type ZoneInput = RequestBody<'/api/v1/venues/{id}/zones', 'post'>;
export type ZoneChanges = RequestBody<'/api/v1/venues/{id}/zones/{zoneId}', 'patch'>;

/** A zone's form values as a change: the kind of a zone is fixed once it exists (bookings and statistics are filed under it). */
function zoneChanges(input: ZoneInput): ZoneChanges {
  const changes: ZoneChanges & Partial<Pick<ZoneInput, 'kind'>> = { ...input };
  delete changes.kind;
  return changes;
}

/** Officials' edits of venues, zones and photos; each refreshes the venue lists. */
function useVenueMutation<T, R>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: venueKeys.all }) });
}

export function useSaveVenue() {
  return useVenueMutation(({ id, body }: { id?: string; body: VenueInput }) =>
    id
      ? unwrap(api.PATCH('/api/v1/venues/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/v1/venues', { body })),
  );
}

export function useSaveZone() {
  return useVenueMutation(({ venueId, zoneId, body }: { venueId: string; zoneId?: string; body: ZoneInput }) => {
    if (!zoneId) return unwrap(api.POST('/api/v1/venues/{id}/zones', { params: { path: { id: venueId } }, body }));
    return unwrap(
      api.PATCH('/api/v1/venues/{id}/zones/{zoneId}', {
        params: { path: { id: venueId, zoneId } },
        body: zoneChanges(body),
      }),
    );
  });
}

export function useRemoveVenuePhoto() {
  return useVenueMutation(({ venueId, photoId }: { venueId: string; photoId: string }) =>
    unwrap(api.DELETE('/api/v1/venues/{id}/photos/{photoId}', { params: { path: { id: venueId, photoId } } })),
  );
}

export function useRefreshVenues() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: venueKeys.all });
}
