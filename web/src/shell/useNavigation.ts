import type { Role } from '../lib/options';
import { useServesRequests } from '../features/service-requests/useServesRequests';
import { flattenNav, isNavGroup, menuByRole, type NavEntry, type NavItem } from './navigation';

const conditional = (role: Role) => flattenNav(menuByRole[role]).some((item) => item.onlyIf);

/**
 * A role's menu as this person sees it: entries that depend on the organisation (`onlyIf`) are left
 * out until the API says they apply, so a member enterprise that serves nothing has no 待办服务.
 */
export function useNavigation(role: Role): { menu: NavEntry[]; items: NavItem[] } {
  const servesRequests = useServesRequests(conditional(role)).data === true;
  const shown = (item: NavItem) => item.onlyIf !== 'servesRequests' || servesRequests;
  const menu = menuByRole[role]
    .map((entry) => (isNavGroup(entry) ? { ...entry, items: entry.items.filter(shown) } : entry))
    .filter((entry) => (isNavGroup(entry) ? entry.items.length > 0 : shown(entry)));
  return { menu, items: flattenNav(menu) };
}
