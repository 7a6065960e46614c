import { Module, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { Environment } from './environment';

/** What never reaches a log line: credentials, personal numbers, and the values of failed SQL statements. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'refreshToken',
  'accessToken',
  'token',
  'mobile',
  'phone',
  'contactPhone',
  'idNumber',
  'parameters',
];

export const LOG_REDACTION = {
  // A key is hidden wherever it sits, down to four levels (e.g. body.contacts[0].phone).
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`, `*.*.*.*.${key}`]),
  ],
  censor: '[redacted]',
};

const OPERATIONAL_PATHS = ['health', 'health/live', 'metrics'];

/** JSON logs with the request id; secrets and personal data never reach them. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        // Probes and scrapes come every few seconds from every pod's kubelet and Prometheus. Left out
        // here, not by autoLogging's ignore: Nest mounts the middleware twice on these paths outside
        // the prefix, and each probe was logged twice.
        exclude: OPERATIONAL_PATHS.map((path) => ({ path, method: RequestMethod.GET })),
        pinoHttp: {
          level: config.get('LOG_LEVEL', { infer: true }),
          // The API's Fastify genReqId (create-api-app.ts) puts its request id on the raw request.
          genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? '',
          redact: LOG_REDACTION,
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url?.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
