/** Connection settings for the test servers; override with TEST_* variables. */
// globalSetup chooses the server (test-servers.ts) and passes it on in TEST_DATABASE_ADMIN_URL.
export const TEST_ADMIN_URL = testAdminUrl();
export const TEST_APP_USER = 'lianmeng_test_app';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(base: string, database: string, user?: string, password?: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password ?? user;
  }
  return url.toString();
}

export function templateName(runId: string): string {
  return `lianmeng_test_${runId}_template`;
}

export function testAdminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
