import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { fileNameFromResponse, saveBlob } from '../../api/download';
import { toApiError, unwrap } from '../../api/errors';
import type { ListItem, RequestBody, ResponseBody } from '../../api/types';
import { DISPLAY_TIME_ZONE } from '../../lib/dates';

export type Meeting = ResponseBody<'/api/v1/meetings/{id}', 'get'>;
export type Participant = Meeting['participants'][number];
export type MeetingStatus = Meeting['status'];
export type RsvpResponse = Participant['response'];
export type ScheduleInput = RequestBody<'/api/v1/meetings', 'post'>;
export type RescheduleInput = RequestBody<'/api/v1/meetings/{id}', 'patch'>;
export type CancelInput = RequestBody<'/api/v1/meetings/{id}/cancel', 'post'>;
export type RsvpInput = RequestBody<'/api/v1/meetings/{id}/rsvp', 'post'>;
export type PlaceInput = ScheduleInput['place'];
export type Slot = ListItem<'/api/v1/meetings/free-slots'>;

export const keys = {
  all: ['meetings'] as const,
  list: (from: string, to: string, allianceId?: string) => [...keys.all, 'list', from, to, allianceId ?? null] as const,
  detail: (id: string) => [...keys.all, 'detail', id] as const,
};

/** A Shanghai wall-clock date and time as an ISO instant. */
export function shanghaiInstant(date: Dayjs, time: Dayjs): string {
  return dayjs.tz(`${date.format('YYYY-MM-DD')} ${time.format('HH:mm')}`, DISPLAY_TIME_ZONE).toISOString();
}

/** An ISO instant in Shanghai time. */
export function inShanghai(value: string): Dayjs {
  return dayjs(value).tz(DISPLAY_TIME_ZONE);
}

export function useMeetings(from: string, to: string, allianceId?: string) {
  return useQuery({
    queryKey: keys.list(from, to, allianceId),
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/meetings', { params: { query: { from, to, allianceId, limit: MAX_PAGE_SIZE, cursor } } }),
        ),
      ),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}', { params: { path: { id } } })),
  });
}

/** Every zone of every venue, named "venue · zone", for the room of a meeting. */
export function useRooms(enabled: boolean) {
  const query = useQuery({
    queryKey: ['venues'],
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET('/api/v1/venues', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }))),
    enabled,
    staleTime: 5 * 60_000,
  });
  return (query.data ?? []).flatMap((venue) =>
    venue.zones.map((zone) => ({ id: zone.id, name: `${venue.name} · ${zone.name}` })),
  );
}

export function useScheduleMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ScheduleInput) => {
      const reply = await unwrap(api.POST('/api/v1/meetings', { body: input }));
      return { items: reply.items, notified: reply.notified };
    },
    // Not awaited: the new meeting's page opens at once instead of after the calendar has reloaded.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useFreeSlots() {
  return useMutation({
    mutationFn: async (query: { durationMinutes: number; userIds: string[]; zoneId?: string }) => {
      const from = dayjs().add(1, 'hour').startOf('hour').toISOString();
      const to = dayjs().add(14, 'day').toISOString();
      const page = await unwrap(
        api.GET('/api/v1/meetings/free-slots', {
          params: {
            query: {
              from,
              to,
              durationMinutes: query.durationMinutes,
              zoneId: query.zoneId,
              userIds: query.userIds.length > 0 ? query.userIds.join(',') : undefined,
              limit: 12,
            },
          },
        }),
      );
      return page.items;
    },
  });
}

function useMeetingMutation<T>(run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useReschedule(id: string) {
  return useMeetingMutation((input: RescheduleInput) =>
    unwrap(api.PATCH('/api/v1/meetings/{id}', { params: { path: { id } }, body: input })),
  );
}

export function useCancelMeeting(id: string) {
  return useMeetingMutation((input: CancelInput) =>
    unwrap(api.POST('/api/v1/meetings/{id}/cancel', { params: { path: { id } }, body: input })),
  );
}

export function useRsvp(id: string) {
  return useMeetingMutation((input: RsvpInput) =>
    unwrap(api.POST('/api/v1/meetings/{id}/rsvp', { params: { path: { id } }, body: input })),
  );
}

export function useNameAttendee(id: string) {
  return useMeetingMutation((input: { organizationId: string; attendeeId: string }) =>
    unwrap(api.POST('/api/v1/meetings/{id}/attendee', { params: { path: { id } }, body: input })),
  );
}

/** The .ics needs the bearer token, so fetch it and save the blob. */
export function useDownloadIcs(id: string) {
  return useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/meetings/{id}/ics', {
        params: { path: { id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toApiError(error, response);
      saveBlob(data, fileNameFromResponse(response, 'meeting.ics'));
    },
  });
}

export function useCalendarFeed() {
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/calendar/feed'))).url,
  });
}

export type UserOption = Pick<ListItem<'/api/v1/users'>, 'id' | 'displayName' | 'role' | 'organization'>;

export const USER_OPTIONS_PAGE = 50;

/**
 * The people who may be asked to the alliance's meetings (officials, experts, and the staff and
 * contacts of its member organisations), searched by name, organisation, email or phone; only
 * officials may list users.
 */
export function useUserOptions(q: string, allianceId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'meeting-options', allianceId ?? null, q],
    enabled: enabled && !!allianceId,
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/users', {
          params: { query: { allianceId, q: q || undefined, status: 'active', limit: USER_OPTIONS_PAGE } },
        }),
      );
      return { items: page.items, more: page.nextCursor !== null };
    },
  });
}
