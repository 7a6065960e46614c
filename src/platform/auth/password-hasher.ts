import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { ConcurrencyLimit } from './concurrency-limit';

/** argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes at once per process. argon2 would run one per libuv thread (4), each with its 19 MiB work
 * area; past two, a burst of sign-ins waits its turn instead of pushing the process's memory up.
 */
const HASHING = new ConcurrencyLimit(2);

@Injectable()
export class PasswordHasher {
  /**
   * A hash to verify against when the account does not exist (or has no password yet), so timing
   * does not reveal it; made at start, so not even the first unknown login costs an extra hash.
   */
  private readonly decoy: Promise<string> = this.hash('decoy password that never matches');

  hash(password: string): Promise<string> {
    return HASHING.run(() => argon2.hash(password, OPTIONS));
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      const decoy = await this.decoy;
      await HASHING.run(() => argon2.verify(decoy, password)).catch(() => false);
      return false;
    }
    return HASHING.run(() => argon2.verify(hash, password)).catch(() => false);
  }
}
