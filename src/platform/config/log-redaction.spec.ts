import pino from 'pino';
import { Writable } from 'node:stream';
import { LOG_REDACTION } from './logger.module';

describe('log redaction', () => {
  it('keeps credentials, personal numbers and failed statements’ values out of the log', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ redact: LOG_REDACTION }, sink);
    logger.info(
      { body: { mobile: '13905950002', password: 'Secret-passphrase-1', contacts: { phone: '0595-85701001' } } },
      'request',
    );
    logger.error({ err: { message: 'duplicate key', parameters: ['13905950002', '35058219800101123X'] } }, 'failed');
    logger.info({ booking: { contactPhone: '13800001111', idNumber: '35058219800101123X' } }, 'booked');
    const text = lines.join('');
    for (const secret of ['13905950002', 'Secret-passphrase-1', '0595-85701001', '35058219800101123X', '13800001111'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
