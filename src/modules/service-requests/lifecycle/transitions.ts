import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { ServiceRequestStatus as S } from '../entities/service-request-status';

/** Who acts on a request: the enterprise that asked, the organisation serving it, an official, the system. */
export type Party = 'requester' | 'provider' | 'official' | 'system';

export type Action =
  | 'route'
  | 'accept'
  | 'start'
  | 'return'
  | 'provide_information'
  | 'transfer'
  | 'reject'
  | 'resolve'
  | 'rate'
  | 'close'
  | 'reopen'
  | 'merge'
  | 'auto_close';

const OPEN = [S.Routed, S.Accepted, S.InProgress];

/** The state machine: from which states an action is allowed, to which it leads, and for whom. */
export const TRANSITIONS: Record<Action, { from: S[]; to: S | 'previous'; by: Party[] }> = {
  route: { from: [S.Submitted, S.Routed], to: S.Routed, by: ['system', 'official'] },
  accept: { from: [S.Routed], to: S.Accepted, by: ['provider'] },
  start: { from: [S.Accepted], to: S.InProgress, by: ['provider'] },
  return: { from: OPEN, to: S.Returned, by: ['provider'] },
  provide_information: { from: [S.Returned], to: 'previous', by: ['requester'] },
  transfer: { from: OPEN, to: S.Routed, by: ['provider', 'official'] },
  reject: { from: [S.Submitted, ...OPEN], to: S.Rejected, by: ['provider', 'official'] },
  resolve: { from: [S.Accepted, S.InProgress], to: S.Resolved, by: ['provider'] },
  rate: { from: [S.Resolved], to: S.Closed, by: ['requester'] },
  close: { from: [S.Resolved], to: S.Closed, by: ['requester', 'official'] },
  reopen: { from: [S.Resolved, S.Closed], to: S.InProgress, by: ['requester'] },
  merge: { from: [S.Submitted, S.Routed, S.Accepted, S.InProgress, S.Returned], to: S.Closed, by: ['official'] },
  auto_close: { from: [S.Resolved], to: S.Closed, by: ['system'] },
};

/** The status an action leads to, or the refusal: 403 for the wrong party, 409 for the wrong state. */
export function nextStatus(action: Action, current: S, parties: Party[], previous: S | null = null): S {
  const rule = TRANSITIONS[action];
  if (!rule.by.some((p) => parties.includes(p))) throw DomainException.forbidden();
  if (!rule.from.includes(current)) {
    throw new DomainException(ErrorCode.InvalidTransition, HttpStatus.CONFLICT, [
      { field: 'status', reason: 'invalidTransition', args: [action, current] },
    ]);
  }
  if (rule.to === 'previous') return previous ?? S.Routed;
  return rule.to;
}
