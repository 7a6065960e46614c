import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody, ResponseBody } from '../../api/types';
import { session, useTokens } from '../../lib/session';

export type Me = ResponseBody<'/api/v1/auth/me', 'get'>;
export type LoginInput = RequestBody<'/api/v1/auth/login', 'post'>;
export type ChangePasswordInput = RequestBody<'/api/v1/auth/password', 'post'>;
export type SmsCodeInput = RequestBody<'/api/v1/auth/sms-codes', 'post'>;
export type SmsLoginInput = RequestBody<'/api/v1/auth/sms-sign-in', 'post'>;
export type AcceptInvitationInput = RequestBody<'/api/v1/auth/accept-invitation', 'post'>;

export const meKey = ['auth', 'me'] as const;

export function useMe() {
  const tokens = useTokens();
  return useQuery({
    queryKey: meKey,
    queryFn: () => unwrap(api.GET('/api/v1/auth/me')),
    enabled: tokens !== null,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => unwrap(api.POST('/api/v1/auth/login', { body: input })),
    onSuccess: (tokens) => {
      queryClient.clear();
      session.set(tokens);
    },
  });
}

/** Asks for a code: the answer is the same whether the number has an account or not. */
export function useRequestSmsCode() {
  return useMutation({
    mutationFn: (input: SmsCodeInput) => unwrap(api.POST('/api/v1/auth/sms-codes', { body: input })),
  });
}

export function useSmsLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SmsLoginInput) => unwrap(api.POST('/api/v1/auth/sms-sign-in', { body: input })),
    onSuccess: (tokens) => {
      queryClient.clear();
      session.set(tokens);
    },
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => unwrap(api.POST('/api/v1/auth/accept-invitation', { body: input })),
    onSuccess: (tokens) => {
      queryClient.clear();
      session.set(tokens);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const refreshToken = session.tokens?.refreshToken;
      // Best effort: the local session ends even if the API cannot be reached.
      if (refreshToken) await api.POST('/api/v1/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    },
    onSettled: () => {
      session.clear();
      queryClient.clear();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => unwrap(api.POST('/api/v1/auth/password', { body: input })),
  });
}
