import { loadAllTexts } from '../i18n';
import { lazyPage } from '../lib/lazyPage';

/** The signed-in app's frame (menu, header) and the workbench: their own chunks, not the login page's. */
// Every page under it has all its texts, not only the login page's.
export const AntAppOutlet = lazyPage(
  () => Promise.all([import('./AntAppOutlet'), loadAllTexts()]).then(([module]) => module),
  'AntAppOutlet',
);
export const AppLayout = lazyPage(() => import('./AppLayout'), 'AppLayout');
export const HomePage = lazyPage(() => import('../features/workbench/HomePage'), 'HomePage');
// Where `/` leads depends on the role's menu, which is the frame's code too.
export const HomeRedirect = lazyPage(() => import('./HomeRedirect'), 'HomeRedirect');

const quietly = (loading: Promise<unknown>) => void loading.catch(() => undefined);

/** Starts loading the frame's code (and the workbench's, when that is where the user goes) while the API answers. */
export function preloadSignedIn({ home = false } = {}): void {
  quietly(AntAppOutlet.preload());
  quietly(AppLayout.preload());
  quietly(HomeRedirect.preload());
  if (home) quietly(HomePage.preload());
}
