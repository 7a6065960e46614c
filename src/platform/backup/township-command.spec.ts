import { BackupError } from './backup-error';
import { optionValue, positionalArgs } from './township-command';

describe('township command arguments', () => {
  it('reads an option in either form and refuses one without a value', () => {
    expect(optionValue(['anhai', '--out', 'a.lmbackup'], '--out')).toBe('a.lmbackup');
    expect(optionValue(['anhai', '--out=a.lmbackup'], '--out')).toBe('a.lmbackup');
    expect(optionValue(['anhai'], '--out')).toBeUndefined();
    expect(() => optionValue(['anhai', '--out'], '--out')).toThrow(BackupError);
    expect(() => optionValue(['anhai', '--out', '--now', 'x'], '--out')).toThrow('--out needs a value');
  });

  it('leaves out options and the values of those that take one', () => {
    expect(
      positionalArgs(['--out', 'a.lmbackup', 'anhai', '--now', '2026-12-07T02:00:00Z'], ['--out', '--now']),
    ).toEqual(['anhai']);
    expect(positionalArgs(['anhai', 'dongshi', '--force'], ['--out'])).toEqual(['anhai', 'dongshi']);
  });
});
