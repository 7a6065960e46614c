import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type NotificationSettings = ResponseBody<'/api/v1/notification-settings', 'get'>;
export type UpdateSettingsInput = RequestBody<'/api/v1/notification-settings', 'put'>;
export type Robot = ResponseBody<'/api/v1/notification-settings/robots', 'get'>['items'][number];
export type CreateRobotInput = RequestBody<'/api/v1/notification-settings/robots', 'post'>;
export type UpdateRobotInput = RequestBody<'/api/v1/notification-settings/robots/{id}', 'patch'>;

const keys = {
  settings: ['notification-settings'] as const,
  robots: ['notification-settings', 'robots'] as const,
};

export function useNotificationSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => unwrap(api.GET('/api/v1/notification-settings')),
  });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => unwrap(api.PUT('/api/v1/notification-settings', { body: input })),
    onSuccess: (settings) => queryClient.setQueryData(keys.settings, settings),
  });
}

export function useRobots() {
  return useQuery({
    queryKey: keys.robots,
    queryFn: async () => ({
      items: await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/notification-settings/robots', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }),
        ),
      ),
    }),
  });
}

function useInvalidateRobots() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.robots });
}

export function useCreateRobot() {
  const invalidate = useInvalidateRobots();
  return useMutation({
    mutationFn: (input: CreateRobotInput) => unwrap(api.POST('/api/v1/notification-settings/robots', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateRobot() {
  const invalidate = useInvalidateRobots();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateRobotInput & { id: string }) =>
      unwrap(api.PATCH('/api/v1/notification-settings/robots/{id}', { params: { path: { id } }, body: input })),
    onSuccess: invalidate,
  });
}

export function useDeleteRobot() {
  const invalidate = useInvalidateRobots();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/notification-settings/robots/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useTestRobot() {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/notification-settings/robots/{id}/test', { params: { path: { id } } })),
  });
}
