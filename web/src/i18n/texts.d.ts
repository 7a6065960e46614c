/** The login page's texts in Chinese, picked from zh-CN.json at build time (web/vite.config.ts). */
declare module 'virtual:login-texts' {
  const texts: Record<string, unknown>;
  export default texts;
}
