import { DomainException } from '../../../platform/errors/domain.exception';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import { Action, nextStatus, TRANSITIONS } from './transitions';

const ALL = Object.values(S);

describe('service request state machine', () => {
  it('walks the main path', () => {
    expect(nextStatus('route', S.Submitted, ['system'])).toBe(S.Routed);
    expect(nextStatus('accept', S.Routed, ['provider'])).toBe(S.Accepted);
    expect(nextStatus('start', S.Accepted, ['provider'])).toBe(S.InProgress);
    expect(nextStatus('resolve', S.InProgress, ['provider'])).toBe(S.Resolved);
    expect(nextStatus('rate', S.Resolved, ['requester'])).toBe(S.Closed);
  });

  it('returns to where it was once the enterprise answers', () => {
    expect(nextStatus('return', S.Accepted, ['provider'])).toBe(S.Returned);
    expect(nextStatus('provide_information', S.Returned, ['requester'], S.Accepted)).toBe(S.Accepted);
  });

  it.each(
    (Object.keys(TRANSITIONS) as Action[]).flatMap((action) =>
      ALL.filter((status) => !TRANSITIONS[action].from.includes(status)).map((status) => [action, status] as const),
    ),
  )('refuses %s from %s with 409', (action, status) => {
    const party = TRANSITIONS[action].by[0];
    try {
      nextStatus(action, status, [party]);
      throw new Error('allowed');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect((error as DomainException).status).toBe(409);
      expect((error as DomainException).code).toBe('INVALID_TRANSITION');
    }
  });

  it('refuses the wrong party with 403', () => {
    const refusal = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return 'allowed';
    };
    expect(refusal(() => nextStatus('accept', S.Routed, ['requester']))).toMatchObject({ status: 403 });
    expect(refusal(() => nextStatus('rate', S.Resolved, ['provider']))).toMatchObject({ status: 403 });
    expect(refusal(() => nextStatus('merge', S.Routed, ['provider']))).toMatchObject({ status: 403 });
  });
});
