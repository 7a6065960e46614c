import { UserStatus } from './entities/role';
import { LocalSessionStates } from './local-session-states';

const USER = '6f1c1f4e-8a43-4c57-9a1e-2b8f0c3d4e5f';
const SESSION = '0b7e2a9c-3d4f-4e5a-8b6c-7d8e9f0a1b2c';
const ACTIVE = { status: UserStatus.Active, revokedAt: 0 };

describe('LocalSessionStates', () => {
  it('answers nothing before it is subscribed, or after the subscription is lost', () => {
    const local = new LocalSessionStates();
    local.store(local.mark(), USER, ACTIVE, SESSION, false);
    expect(local.get(USER, SESSION)).toBeUndefined();
    local.subscribed();
    local.store(local.mark(), USER, ACTIVE, SESSION, false);
    expect(local.get(USER, SESSION)).toEqual({ user: ACTIVE, sessionEnded: false });
    local.lost();
    local.subscribed();
    expect(local.get(USER, SESSION)).toBeUndefined();
  });

  it('does not keep what was read before an invalidation that came in meanwhile', () => {
    const local = new LocalSessionStates();
    local.subscribed();
    const mark = local.mark();
    local.invalidate('someone else');
    local.store(mark, USER, ACTIVE, SESSION, false);
    expect(local.get(USER, SESSION)).toBeUndefined();
  });

  it('forgets a user on invalidation, and knows only the sessions it was told of', () => {
    const local = new LocalSessionStates();
    local.subscribed();
    local.store(local.mark(), USER, ACTIVE, SESSION, false);
    expect(local.get(USER, 'another session')).toBeUndefined();
    local.invalidate(USER);
    expect(local.get(USER, SESSION)).toBeUndefined();
  });
});
