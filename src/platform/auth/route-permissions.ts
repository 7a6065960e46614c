import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import type { Role } from './entities/role';

export interface RoutePermission {
  route: string;
  access: 'public' | 'nobody' | Role[];
}

/** A route (`GET /meetings/:id`, without the global prefix) with the class and method that answer it. */
export interface RouteHandler {
  route: string;
  controller: new (...args: unknown[]) => unknown;
  handler: (...args: unknown[]) => unknown;
}

/**
 * Every route with who may call it, read from the same metadata the access guard reads. Works on an
 * application created with `preview: true` too (nothing instantiated): the OpenAPI export writes
 * the web app's menu permissions from it (web/src/api/route-access.json).
 */
export function routePermissions(app: INestApplication): RoutePermission[] {
  const reflector = new Reflector();
  return routeHandlers(app)
    .map(({ route, controller, handler }) => {
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, controller]);
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]);
      return { route, access: isPublic ? ('public' as const) : roles ? [...roles].sort() : ('nobody' as const) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Every route of the application's controllers, for readers of their metadata (access, the OpenAPI document). */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const scanner = new MetadataScanner();
  const routes: RouteHandler[] = [];
  const controllers = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) controllers.add(wrapper.metatype);
  for (const metatype of controllers) {
    const controller = metatype as RouteHandler['controller'] | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    // A class's prototype is typed `any`: it holds the class's methods, the route handlers among them.
    const prototype = controller.prototype as Record<string, RouteHandler['handler']>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const route = `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      routes.push({ route, controller, handler });
    }
  }
  return routes;
}
