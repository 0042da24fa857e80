import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { POLICY_KEY, type RoutePolicy } from './policy.decorator';
import { UnpolicedRoutesError } from './unpoliced-routes.error';

export interface RouteInfo {
  /** `GET`, `POST`, … */
  method: string;
  /** Full path with Nest parameters: `/ops/probes/:probeId`. */
  path: string;
  controller: string;
  handler: string;
  policy?: RoutePolicy;
}

const joinPath = (...parts: string[]): string =>
  `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

const paths = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : ''];

/** Every HTTP route of the application with the policy its decorators declare (read from metadata). */
export function listRoutes(app: INestApplicationContext): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const seen = new Set<unknown>();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype;
    if (typeof controller !== 'function' || seen.has(controller)) continue;
    seen.add(controller);
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (typeof handler !== 'function') continue;
      const methodPath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const policy = reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [handler, controller]);
      for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const sub of paths(methodPath)) {
          routes.push({
            method,
            path: joinPath(base, sub),
            controller: controller.name,
            handler: name,
            policy,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Refuses an application with a route that declares no policy (called before it listens). */
export function assertEveryRouteHasPolicy(app: INestApplicationContext): RouteInfo[] {
  const routes = listRoutes(app);
  const missing = routes
    .filter((r) => !r.policy)
    .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
  if (missing.length > 0) throw new UnpolicedRoutesError(missing);
  return routes;
}
