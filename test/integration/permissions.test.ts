import { routePermissions } from '../../src/platform/auth/route-permissions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Who may call each route. A change here shows in review as a snapshot diff: who gained access.
 * Update deliberately with `npx jest -u test/integration/permissions.test.ts`.
 */
describe('route permissions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterAll(() => app.close());

  it('declares the access of every route', () => {
    const routes = routePermissions(app.api);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.access === 'nobody')).toEqual([]);
    expect(routes).toMatchSnapshot();
  });

  it('keeps the public routes to sign-in, operations, calendar feeds and the alliance showcase', () => {
    const open = routePermissions(app.api)
      .filter((r) => r.access === 'public')
      .map((r) => r.route);
    expect(open).toEqual([
      'GET /calendar/:feed', // a secret token in the URL is the credential (calendar apps cannot sign in)
      'GET /health',
      'GET /health/live',
      'GET /metrics',
      'GET /notifications/stream',
      'GET /public/alliances/:slug/showcase', // published cases and aggregate figures only, at a random slug
      'GET /public/alliances/:slug/showcase/photos/:photoId', // photos of published cases only
      'POST /auth/accept-invitation',
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/refresh',
      'POST /auth/sms-codes', // the same answer for every number (see sms-sign-in.test.ts)
      'POST /auth/sms-sign-in',
    ]);
  });
});
