import { performance } from 'node:perf_hooks';
import type { UserState } from './session-state-cache';

/**
 * How long this process answers from its own memory what Redis said of a user's sessions. A
 * revocation reaches every process at once through Redis pub/sub and empties its entry; this bounds
 * only an invalidation lost on a connection that stayed up (Redis closes a subscriber that falls
 * behind, and a closed subscriber empties the whole memory).
 */
export const LOCAL_STATE_TTL_MS = 5_000;

/** Past this many users the memory starts afresh: a bound, not an eviction policy. */
const MAX_USERS = 20_000;

interface LocalUser {
  user: UserState;
  /** Whether each session the process asked about had ended. */
  sessions: Map<string, boolean>;
  /** performance.now() after which the entry is not used. */
  until: number;
}

/**
 * The session states this process read lately, in front of Redis: a request of a user seen in the
 * last few seconds costs no round trip. Answers only while `live` (subscribed to the invalidations);
 * every invalidation, and losing the subscription, makes it forget.
 */
export class LocalSessionStates {
  private readonly users = new Map<string, LocalUser>();
  private live = false;
  /** Counts invalidations: what was read before one may not be stored after it. */
  private generation = 0;

  /** The invalidation count now: pass it to `store` with what is read from here on. */
  mark(): number {
    return this.generation;
  }

  get(userId: string, sessionId?: string): { user: UserState; sessionEnded: boolean } | undefined {
    if (!this.live) return undefined;
    const entry = this.users.get(userId);
    if (!entry) return undefined;
    if (performance.now() >= entry.until) {
      this.users.delete(userId);
      return undefined;
    }
    const sessionEnded = sessionId === undefined ? false : entry.sessions.get(sessionId);
    return sessionEnded === undefined ? undefined : { user: entry.user, sessionEnded };
  }

  /** Keeps what was read since `mark()`, unless an invalidation came in between or the subscription is down. */
  store(mark: number, userId: string, user: UserState, sessionId: string | undefined, sessionEnded: boolean): void {
    if (!this.live || mark !== this.generation) return;
    let entry = this.users.get(userId);
    if (!entry || entry.user.status !== user.status || entry.user.revokedAt !== user.revokedAt) {
      if (this.users.size >= MAX_USERS) this.users.clear();
      entry = { user, sessions: new Map(), until: performance.now() + LOCAL_STATE_TTL_MS };
      this.users.set(userId, entry);
    }
    if (sessionId !== undefined) entry.sessions.set(sessionId, sessionEnded);
  }

  /** A user's state changed somewhere (this process or another): forget it. */
  invalidate(userId: string): void {
    this.generation++;
    this.users.delete(userId);
  }

  /** Subscribed to the invalidations (again): may answer from now on. */
  subscribed(): void {
    this.live = true;
  }

  /** Redis's main connection closed (it may have restarted): forget everything, answer again once it is back. */
  forgetAll(): void {
    this.generation++;
    this.users.clear();
  }

  /** Not subscribed, or Redis went away: forget everything and answer nothing until subscribed again. */
  lost(): void {
    this.live = false;
    this.generation++;
    this.users.clear();
  }
}
