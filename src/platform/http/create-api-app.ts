import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { HttpStatus, INestApplication, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ApiModule } from '../../api.module';
import { type Environment, trustedProxies } from '../config/environment';
import { createValidationPipe } from '../errors/validation-exception.factory';
import { errorMessages, languageFrom, localizedReason } from '../errors/localized-messages';
import { ErrorCode } from '../errors/error-code';
import { httpRequestDuration } from '../metrics/metrics';
import { DomainException } from '../errors/domain.exception';
import { refuseUnsafeInput, strictJsonParser } from './json-body';
import { openApiDocument } from './openapi-document';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export const API_PREFIX = 'api/v1';

/** Everything under /api/v1 but the operational endpoints, which probes expect at the root. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/** Builds the HTTP application; main.ts listens on it, tests inject into it. */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: Number(process.env.BODY_MAX_BYTES ?? 1024 * 1024),
    // Only the configured proxies may name the client (request.ip, the sign-in limit's key).
    trustProxy: trustedProxies(process.env),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const header = req.headers['x-request-id'];
      const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
      (req as unknown as { id: string }).id = id;
      return id;
    },
    // A path that is not valid percent-encoded UTF-8, or a parameter past the router's length: the
    // router answers before Nest sees the request, so give its answer the one error shape here.
    frameworkErrors: (error: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply
        .status(status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(errorBody(request, status, ErrorCode.ValidationFailed, [{ field: 'path', reason: 'matches' }]));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  const config = app.get<ConfigService<Environment, true>>(ConfigService);

  applyGlobalPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  const origins = (config.get('CORS_ORIGINS', { infer: true }) ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false, credentials: false });

  const fastify = app.getHttpAdapter().getInstance();
  // A JSON API: bodies are JSON or, for uploads, multipart. Anything else is a 415, not a string to validate.
  fastify.removeContentTypeParser('text/plain');
  const bodyLimit = Number(process.env.BODY_MAX_BYTES ?? 1024 * 1024);
  app.useBodyParser('application/json', { bodyLimit }, strictJsonParser(fastify));
  // Forms are not JSON: the same 415 as any other type, rather than a body of strings to validate.
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, _body, done) =>
    done(new DomainException(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE), undefined),
  );
  fastify.addHook('preValidation', refuseUnsafeInput);
  // Helmet's middlewares built once; @fastify/helmet built them all again for every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.get('UPLOAD_MAX_BYTES', { infer: true }), files: 1, fields: 5, parts: 6 },
  });
  // Once the server is closing, every response also closes its connection. Otherwise a keep-alive
  // client (a browser, a proxy's pool) holds the server open until its idle timeout (72 s), long after
  // the in-flight requests finished, and the process is killed before it stops cleanly.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  fastify.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const document = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });

  await serveWebApp(app, config.get('WEB_DIST_DIR', { infer: true }) ?? join(process.cwd(), 'web/dist'));
  // Exit 0 once every hook has run (rather than re-raising the signal), so the last log lines are flushed.
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}

/**
 * The built web app at `/`, with every non-API path falling back to index.html (client-side routes).
 * Vite's /assets/ carry a content hash in their names, so they never change under a name: cached for
 * good. Everything else (index.html, sw.js, the manifest, the icons) is revalidated on every use, so a
 * release reaches browsers and installed apps at once (web/public/sw.js). Text files go out as the
 * Brotli or gzip copies the build wrote beside them (web/scripts/precompress.mjs).
 */
async function serveWebApp(app: NestFastifyApplication, root: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const hasWebApp = existsSync(join(root, 'index.html'));
  const assets = join(root, 'assets') + sep;
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The copies are served in place of their file, never under their own names.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  fastify.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0];
    // A chunk of another release is missing, not the app's HTML under a script's name.
    if (!hasWebApp || path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) {
      return reply.status(404).send(errorBody(request, 404, ErrorCode.NotFound));
    }
    return reply.sendFile('index.html', root);
  });
}

/** The error body for answers given outside Nest (its exception filter never sees these requests). */
function errorBody(
  request: FastifyRequest,
  statusCode: number,
  code: ErrorCode,
  details: { field: string; reason: string }[] = [],
) {
  const language = languageFrom(request.headers['accept-language']);
  return {
    statusCode,
    code,
    message: errorMessages[code][language],
    details: details.map((d) => ({ field: d.field, reason: localizedReason(d.reason, language) ?? d.reason })),
    requestId: String(request.id),
  };
}
