import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';

export type Category = ResponseBody<'/api/v1/alliances/{id}/service-categories', 'get'>['items'][number];
export type CategoryInput = RequestBody<'/api/v1/alliances/{id}/service-categories', 'post'>;
export type RoutingRule = ResponseBody<'/api/v1/alliances/{id}/routing-rules', 'get'>['items'][number];
export type RoutingRuleInput = RequestBody<'/api/v1/alliances/{id}/routing-rules', 'post'>;
export type RoutingSettingsInput = RequestBody<'/api/v1/alliances/{id}/routing-settings', 'put'>;
export type CalendarDay = ResponseBody<'/api/v1/working-calendar', 'get'>['days'][number];
export type CalendarDayInput = RequestBody<'/api/v1/working-calendar', 'put'>;

export const CATEGORY_CODES: readonly CategoryInput['code'][] = [
  'project_application',
  'financing',
  'talent',
  'land_construction',
  'permits',
  'policy',
  'intellectual_property',
  'export_customs',
  'safety_environment',
  'other',
];
export const TIME_UNITS: readonly CategoryInput['acceptUnit'][] = ['working_hours', 'working_days'];

const keys = {
  categories: (allianceId: string) => ['serviceCatalogue', 'categories', allianceId] as const,
  rules: (allianceId: string) => ['serviceCatalogue', 'rules', allianceId] as const,
  calendar: (year: number) => ['serviceCatalogue', 'calendar', year] as const,
  routingSettings: (allianceId: string) => ['serviceCatalogue', 'routingSettings', allianceId] as const,
};

export function useCategories(allianceId: string | undefined) {
  return useQuery({
    queryKey: keys.categories(allianceId ?? ''),
    queryFn: async () => ({
      items: await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/alliances/{id}/service-categories', {
            params: { path: { id: allianceId! }, query: { limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
    }),
    enabled: Boolean(allianceId),
  });
}

export function useSaveCategory(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CategoryInput }) =>
      id
        ? unwrap(
            api.PATCH('/api/v1/alliances/{id}/service-categories/{categoryId}', {
              params: { path: { id: allianceId, categoryId: id } },
              body: input,
            }),
          )
        : unwrap(
            api.POST('/api/v1/alliances/{id}/service-categories', {
              params: { path: { id: allianceId } },
              body: input,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.categories(allianceId) }),
  });
}

export function useRoutingRules(allianceId: string) {
  return useQuery({
    queryKey: keys.rules(allianceId),
    queryFn: async () => ({
      items: await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/alliances/{id}/routing-rules', {
            params: { path: { id: allianceId }, query: { limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
    }),
  });
}

export function useSaveRoutingRule(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: RoutingRuleInput }) =>
      id
        ? unwrap(
            api.PATCH('/api/v1/alliances/{id}/routing-rules/{ruleId}', {
              params: { path: { id: allianceId, ruleId: id } },
              body: input,
            }),
          )
        : unwrap(
            api.POST('/api/v1/alliances/{id}/routing-rules', { params: { path: { id: allianceId } }, body: input }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rules(allianceId) }),
  });
}

export function useDeleteRoutingRule(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) =>
      unwrap(
        api.DELETE('/api/v1/alliances/{id}/routing-rules/{ruleId}', { params: { path: { id: allianceId, ruleId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rules(allianceId) }),
  });
}

/** 按历史分派 and the alliance's other routing settings besides its rules. */
export function useRoutingSettings(allianceId: string) {
  return useQuery({
    queryKey: keys.routingSettings(allianceId),
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/routing-settings', { params: { path: { id: allianceId } } })),
  });
}

export function useSetRoutingSettings(allianceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoutingSettingsInput) =>
      unwrap(api.PUT('/api/v1/alliances/{id}/routing-settings', { params: { path: { id: allianceId } }, body: input })),
    onSuccess: (settings) => queryClient.setQueryData(keys.routingSettings(allianceId), settings),
  });
}

export function useWorkingCalendar(year: number) {
  return useQuery({
    queryKey: keys.calendar(year),
    queryFn: () => unwrap(api.GET('/api/v1/working-calendar', { params: { query: { year } } })),
  });
}

export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarDayInput) => unwrap(api.PUT('/api/v1/working-calendar', { body: input })),
    onSuccess: (calendar, input) => {
      queryClient.setQueryData(keys.calendar(Number(input.date.slice(0, 4))), calendar);
    },
  });
}

export function useRemoveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => unwrap(api.DELETE('/api/v1/working-calendar/{date}', { params: { path: { date } } })),
    onSuccess: (_, date) => queryClient.invalidateQueries({ queryKey: keys.calendar(Number(date.slice(0, 4))) }),
  });
}
