export interface LargeTenantScale { alliances: number; organisations: number; users: number; requests: number; meetings: number }
export const FULL_SCALE: LargeTenantScale = { alliances: 5, organisations: 10_000, users: 20_000, requests: 1_000_000, meetings: 100_000 };
/** Placeholder until the bulk seed lands: the demo data only. */
export async function seedLargeTenant(_adminUrl: string, _scale: LargeTenantScale, _log?: (line: string) => void): Promise<{ tenantId: string; seconds: number; rows: Record<string, number> }> {
  return { tenantId: '', seconds: 0, rows: {} };
}
