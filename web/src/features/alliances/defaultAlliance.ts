import type { Alliance } from './api';

const size = (alliance: Alliance) =>
  alliance.memberCounts.lead + alliance.memberCounts.departments + alliance.memberCounts.members;

/** The largest alliance of `list` (the first of equals), or undefined for an empty list. */
function largest(list: Alliance[]): Alliance | undefined {
  return list.reduce<Alliance | undefined>(
    (best, alliance) => (!best || size(alliance) > size(best) ? alliance : best),
    undefined,
  );
}

/**
 * The alliance a page opens on when the URL names none: the person's own (of several, the one last
 * chosen, else the largest), else the one last chosen, else the one with the most members. Never
 * simply the first of the list, which is sorted by name.
 */
export function defaultAlliance(choices: Alliance[], rememberedId: string | null): Alliance | undefined {
  const remembered = (list: Alliance[]) => list.find((alliance) => alliance.id === rememberedId);
  const own = choices.filter((alliance) => alliance.myRole !== null);
  if (own.length > 0) return remembered(own) ?? largest(own);
  return remembered(choices) ?? largest(choices);
}

/** Where the last choice of each person is kept on this browser. */
export const rememberedAllianceKey = (userId: string) => `lianmeng.alliance.${userId}`;

export function readRememberedAlliance(userId: string | undefined): string | null {
  if (!userId) return null;
  try {
    return window.localStorage.getItem(rememberedAllianceKey(userId));
  } catch {
    return null;
  }
}

export function rememberAlliance(userId: string | undefined, allianceId: string): void {
  if (!userId) return;
  try {
    window.localStorage.setItem(rememberedAllianceKey(userId), allianceId);
  } catch {
    // Storage refused (private mode, quota): the URL still carries the choice.
  }
}
