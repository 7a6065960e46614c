import { Tour, type TourProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../lib/options';
import { useIsPhone } from '../lib/useIsPhone';

/**
 * Whether a person has seen (or dismissed) the tour is kept in this browser's localStorage, one key
 * per user id: `lianmeng.tour.<userId>`. `lianmeng.tour.*` marks it seen for everyone on the browser
 * (a shared demo machine; the browser tests set it so the tour never covers what they click).
 */
export const tourKey = (userId: string) => `lianmeng.tour.${userId}`;
const EVERYONE = 'lianmeng.tour.*';

const seen = (userId: string) =>
  localStorage.getItem(tourKey(userId)) !== null || localStorage.getItem(EVERYONE) !== null;

/** A step's target, while it is on screen (on a phone the side menu is folded away: the step shows centred). */
const visible = (selector: string) =>
  (() => {
    const element = document.querySelector<HTMLElement>(selector);
    return element && element.getBoundingClientRect().width > 0 ? element : null;
  }) as () => HTMLElement;

/** Three or four steps on a person's first visit: the menu, the workbench, the bell, their own menu. */
export function FirstRunTour({ userId, role }: { userId: string; role: Role }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => !seen(userId));

  const close = () => {
    localStorage.setItem(tourKey(userId), 'seen');
    setOpen(false);
  };

  // On a phone the menu is the bottom tab bar, and the language switch is in 我的.
  const phone = useIsPhone();
  const steps: TourProps['steps'] = phone
    ? [
        {
          title: t('tour.menuTitle'),
          description: t('tour.phoneMenu'),
          target: visible('[data-testid="tab-bar"]'),
          placement: 'top',
        },
        ...(role === 'platform_admin'
          ? []
          : [
              {
                title: t('tour.workbenchTitle'),
                description: t('tour.workbench'),
                target: visible('[data-testid="tab-home"]'),
                placement: 'top' as const,
              },
            ]),
        {
          title: t('tour.bellTitle'),
          description: t('tour.bell'),
          target: visible('[data-testid="notification-bell"]'),
        },
      ]
    : [
        {
          title: t('tour.menuTitle'),
          description: t(`tour.menu.${role}`),
          target: visible('[data-testid="main-nav"]'),
          placement: 'right',
        },
        // Platform admins have no township and so no workbench.
        ...(role === 'platform_admin'
          ? []
          : [
              {
                title: t('tour.workbenchTitle'),
                description: t('tour.workbench'),
                target: visible('.ant-menu-item:has([data-testid="nav-home"])'),
                placement: 'right' as const,
              },
            ]),
        {
          title: t('tour.bellTitle'),
          description: t('tour.bell'),
          target: visible('[data-testid="notification-bell"]'),
        },
        { title: t('tour.userTitle'), description: t('tour.user'), target: visible('[data-testid="user-menu"]') },
      ];

  return <Tour open={open} steps={steps} onClose={close} onFinish={close} rootClassName="first-run-tour" />;
}
