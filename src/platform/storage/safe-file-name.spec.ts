import { safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it('keeps the last path segment', () => {
    expect(safeFileName('C:\\Users\\li\\报告.pdf')).toBe('报告.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
  });

  it('drops control characters, DEL and the characters Windows refuses', () => {
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
    expect(safeFileName(`a${controls}b\u007f"<>|:*?c.pdf`)).toBe('abc.pdf');
    expect(safeFileName('\u0080é\u00a0x.pdf')).toBe('\u0080é\u00a0x.pdf');
  });

  it('falls back when nothing usable is left', () => {
    expect(safeFileName('..')).toBe('attachment');
    expect(safeFileName('\u0000\u001f')).toBe('attachment');
    expect(safeFileName('dir/', 'photo.png')).toBe('photo.png');
  });

  it('trims and keeps at most 200 characters', () => {
    expect(safeFileName(`  ${'x'.repeat(300)}  `)).toHaveLength(200);
  });
});
