import type { INestApplication } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Role } from '../auth/entities/role';
import { routeHandlers, routePermissions, type RoutePermission } from '../auth/route-permissions';
import { ErrorCode } from '../errors/error-code';

const ERROR_BODY: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'code', 'message', 'details', 'requestId'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', enum: Object.values(ErrorCode) },
    message: { type: 'string', description: 'In zh-CN or en, from Accept-Language' },
    details: {
      type: 'array',
      description: 'The fields at fault and why (validation errors name every one)',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    requestId: { type: 'string', description: 'The X-Request-Id of the request, to quote when reporting a problem' },
  },
};

const errorResponse = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

/** The errors many routes answer, referenced from each operation that can (see commonErrors). */
const COMMON_ERRORS: Record<string, ResponseObject> = {
  BadRequest: errorResponse('Invalid input (path, query or body): `details` names each field at fault and why.'),
  Unauthenticated: errorResponse('No valid access token (missing, expired or revoked).'),
  Forbidden: errorResponse(
    "The caller's role or scope (township, alliance, organisation) does not admit this request.",
  ),
  NotFound: errorResponse('Nothing with that id in the caller’s scope.'),
  PayloadTooLarge: errorResponse('The body is larger than the limit.'),
  UnsupportedMediaType: errorResponse('The body is neither JSON nor, for uploads, multipart.'),
  TooManyRequests: errorResponse('Too many attempts from this client; Retry-After says when to try again.'),
  ServiceUnavailable: {
    ...errorResponse('PostgreSQL or Redis cannot answer now; Retry-After says when to try again.'),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const ROLE_NAMES: Record<Role, string> = {
  [Role.PlatformAdmin]: 'platform administrators',
  [Role.TownshipAdmin]: 'township administrators',
  [Role.DepartmentStaff]: 'department staff',
  [Role.EnterpriseContact]: 'enterprise contacts',
  [Role.Expert]: 'experts',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The API's OpenAPI document, lint-clean under Redocly's recommended rules (`npm run lint:api`).
 * Controllers give each operation its summary (@ApiOperation), a description (their doc comment) and
 * the errors only their code answers (409, 422...); the rest is derived here from each route's
 * metadata so a new route gets it too: who may call it (the sentence ending the description and its
 * `security`), and the common errors its guards, parameters and body can cause.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lianmeng API')
      .setDescription(
        'Industrial-cluster party-building alliances (产业集群党建联盟). Every error answers one body shape (ErrorBody); ' +
          'sign in at POST /api/v1/auth/login and send the access token as `Authorization: Bearer …`.',
      )
      .setVersion('1')
      .addServer('/', 'The host serving this document; the API lives under /api/v1, the probes at the root')
      .addBearerAuth()
      .build(),
  );
  delete document.info.contact; // DocumentBuilder leaves an empty one
  // Not open source (package.json: UNLICENSED); the terms come with the township's contract.
  document.info.license = { name: 'Proprietary' };
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY },
    responses: { ...document.components?.responses, ...COMMON_ERRORS },
  };
  const routes = routeMetadata(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = routes.get(`${method.toUpperCase()} ${routeOf(path)}`);
      if (!route) throw new Error(`No route metadata for ${method.toUpperCase()} ${path}`);
      describe(operation, route);
    }
  }
  return document;
}

interface RouteMetadata extends RoutePermission {
  throttled: boolean;
}

function routeMetadata(app: INestApplication): Map<string, RouteMetadata> {
  const guards = (target: object) => (Reflect.getMetadata(GUARDS_METADATA, target) as unknown[] | undefined) ?? [];
  const throttled = new Set(
    routeHandlers(app)
      .filter(({ controller, handler }) => [...guards(controller), ...guards(handler)].includes(ThrottlerGuard))
      .map(({ route }) => route),
  );
  return new Map(
    routePermissions(app).map((permission) => [
      permission.route,
      { ...permission, throttled: throttled.has(permission.route) },
    ]),
  );
}

/** `/api/v1/meetings/{id}` → `/meetings/:id`, as the route metadata names it. */
function routeOf(path: string): string {
  return path.replace(/^\/api\/v1(?=\/|$)/, '').replace(/\{(\w+)\}/g, ':$1') || '/';
}

function describe(operation: OperationObject, route: RouteMetadata): void {
  const what = operation.description?.trim() || `${operation.summary ?? ''}.`;
  operation.description = `${what}\n\n${callers(route.access)}`;
  operation.security = route.access === 'public' ? [] : [{ bearer: [] }];
  const responses = operation.responses;
  for (const [status, name] of commonErrors(operation, route)) {
    responses[status] ??= { $ref: `#/components/responses/${name}` };
  }
  // Errors a controller declares itself (409 and the like) carry only their description: the body is the common one.
  for (const [status, response] of Object.entries(responses)) {
    if (response && /^4\d\d$/.test(status) && !('$ref' in response) && !response.content) {
      responses[status] = { ...errorResponse(response.description), ...response };
    }
  }
  responses.default = errorResponse('Any other error (500), in the same body shape');
  operation.responses = sortedResponses(responses);
}

function callers(access: RouteMetadata['access']): string {
  if (access === 'public') return 'Public: no access token needed.';
  if (access === 'nobody') return 'Refused to everyone.';
  if (Object.values(Role).every((role) => access.includes(role))) return 'Who may call it: any signed-in user.';
  return `Who may call it: ${access.map((role) => ROLE_NAMES[role]).join(', ')}.`;
}

function commonErrors(operation: OperationObject, route: RouteMetadata): [string, string][] {
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  const body = operation.requestBody !== undefined;
  const errors: [string, string][] = [];
  // Every route: the preValidation hook (json-body.ts) refuses unsafe input in any query string or body.
  errors.push(['400', 'BadRequest']);
  if (route.access !== 'public') errors.push(['401', 'Unauthenticated'], ['403', 'Forbidden']);
  if (parameters.some((p) => p.in === 'path')) errors.push(['404', 'NotFound']);
  if (body) errors.push(['413', 'PayloadTooLarge'], ['415', 'UnsupportedMediaType']);
  if (route.throttled) errors.push(['429', 'TooManyRequests']);
  // Every signed-in request asks Redis or PostgreSQL whether its session was revoked.
  if (route.access !== 'public') errors.push(['503', 'ServiceUnavailable']);
  return errors;
}

function sortedResponses(responses: OperationObject['responses']): OperationObject['responses'] {
  const entries = Object.entries(responses) as [string, ResponseObject | ReferenceObject][];
  const rank = (status: string) => (status === 'default' ? 'z' : status);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a).localeCompare(rank(b))));
}
