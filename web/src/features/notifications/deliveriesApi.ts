import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';
import type { DeliveryStatus } from './types';

export type Delivery = ListItem<'/api/v1/admin/notification-deliveries'>;

const keys = {
  all: ['notification-deliveries'] as const,
  list: (status: DeliveryStatus) => [...keys.all, status] as const,
};

export function useDeliveries(status: DeliveryStatus) {
  return useCursorList(keys.list(status), (cursor) =>
    unwrap(
      api.GET('/api/v1/admin/notification-deliveries', { params: { query: { status, limit: PAGE_SIZE, cursor } } }),
    ),
  );
}

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/notification-deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
