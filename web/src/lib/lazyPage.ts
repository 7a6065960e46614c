import { lazy, type ComponentType } from 'react';

/**
 * A page whose code loads the first time it is shown (its own chunk), for the routes:
 * `lazyPage(() => import('./MeetingsPage'), 'MeetingsPage')`. `preload()` starts loading it early.
 */
export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  let loading: Promise<Module> | undefined;
  // A chunk that failed to load (the network, a release that removed it) is fetched again next time.
  const preload = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const Page = lazy(() => preload().then((module) => ({ default: module[name] as ComponentType })));
  return Object.assign(Page, { preload });
}
