import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { HttpStatus } from '@nestjs/common';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;

/** Length over composition (NIST SP 800-63B): at least 12 characters, not a common one, not the account name. */
export function assertAcceptablePassword(
  password: string,
  accountNames: (string | null | undefined)[],
  field = 'password',
): void {
  const reason = passwordProblem(password, accountNames);
  if (reason) throw new DomainException(ErrorCode.WeakPassword, HttpStatus.BAD_REQUEST, [{ field, reason }]);
}

/**
 * A new password must differ from the one it replaces: "changing" to the same one would end every
 * other session while leaving the password a person meant to retire (say, one they had shared).
 */
export function assertChangedPassword(currentPassword: string, newPassword: string, field = 'newPassword'): void {
  if (newPassword === currentPassword)
    throw new DomainException(ErrorCode.WeakPassword, HttpStatus.BAD_REQUEST, [{ field, reason: 'passwordUnchanged' }]);
}

export function passwordProblem(password: string, accountNames: (string | null | undefined)[]): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'passwordTooCommon';
  if (
    /^(.)\1+$/.test(password) ||
    '0123456789012345678901234567890'.includes(lower) ||
    'abcdefghijklmnopqrstuvwxyz'.includes(lower)
  ) {
    return 'passwordTooCommon';
  }
  for (const name of accountNames) {
    const local = name?.split('@')[0]?.toLowerCase();
    if (local && local.length >= 4 && lower.includes(local)) return 'passwordSameAsAccount';
  }
  return null;
}
