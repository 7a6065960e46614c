import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple', ['a@b.cn'])).toBeNull();
  });

  it.each([
    ['short1!', 'passwordTooShort'],
    ['qwertyuiop1234', 'passwordTooCommon'],
    ['aaaaaaaaaaaaaaa', 'passwordTooCommon'],
    ['12345678901234', 'passwordTooCommon'],
    ['official-is-my-secret', 'passwordSameAsAccount'],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password, ['official@anhai.demo'])).toBe(reason);
  });
});
