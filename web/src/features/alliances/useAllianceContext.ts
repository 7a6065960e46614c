import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/api';
import { useAlliances, type Alliance } from './api';
import { defaultAlliance, readRememberedAlliance, rememberAlliance } from './defaultAlliance';

export interface AllianceContextOptions {
  /**
   * `requester`: only the alliances the person's enterprise may submit service requests to (its
   * lead or member ones); `all` (default): every alliance of the township.
   */
  scope?: 'all' | 'requester';
  /** An alliance the route itself names (the wall display's path): it wins over everything. */
  fixedId?: string;
}

export interface AllianceContext {
  /** The alliances the person can choose from. */
  alliances: Alliance[];
  /** The alliance the page is about, once known. */
  alliance: Alliance | undefined;
  allianceId: string | undefined;
  /** A choice: kept in `?allianceId=` (so the link can be shared) and remembered for next time. */
  setAllianceId: (id: string) => void;
  /** More than one to choose from: the page shows a picker. */
  canChoose: boolean;
  isPending: boolean;
}

const REQUESTER_ROLES: ReadonlySet<Alliance['myRole']> = new Set(['lead', 'member']);

/**
 * The alliance a page works within: `?allianceId=` when the URL names one of the choices, else the
 * person's own alliance, the one they chose last, or the largest (see `defaultAlliance`).
 */
export function useAllianceContext({ scope = 'all', fixedId }: AllianceContextOptions = {}): AllianceContext {
  const [params, setParams] = useSearchParams();
  const list = useAlliances();
  const me = useMe();
  const userId = me.data?.id;
  const alliances = useMemo(
    () => (scope === 'requester' ? list.items.filter((alliance) => REQUESTER_ROLES.has(alliance.myRole)) : list.items),
    [list.items, scope],
  );
  const isPending = list.isPending || me.isPending;
  const asked = fixedId ?? params.get('allianceId') ?? undefined;

  let allianceId: string | undefined;
  // A shared link opens at once; once the list is in, one that names no choice falls back to the default.
  if (asked && (fixedId || isPending || list.isError || alliances.some((alliance) => alliance.id === asked)))
    allianceId = asked;
  else if (!isPending) allianceId = defaultAlliance(alliances, readRememberedAlliance(userId))?.id;

  const setAllianceId = useCallback(
    (id: string) => {
      rememberAlliance(userId, id);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('allianceId', id);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, userId],
  );

  return {
    alliances,
    alliance: alliances.find((alliance) => alliance.id === allianceId),
    allianceId,
    setAllianceId,
    canChoose: alliances.length > 1,
    isPending,
  };
}
