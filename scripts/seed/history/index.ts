import type { Client } from 'pg';
import type { DemoDates } from '../demo-dates';
import { DemoRandom } from './random';
import { seedServiceRequestHistory } from './service-requests';
import { seedAllianceLife } from './alliance-life';

/** What every part of the demo's year of history needs: the open transaction and the base demo's ids. */
export interface HistoryContext {
  db: Client;
  tenantId: string;
  /** The smart-equipment alliance (安海镇智能装备制造产业集群党建联盟). */
  allianceId: string;
  /** Organisation name → id, every organisation of the base demo. */
  organizations: Map<string, string>;
  dates: DemoDates;
  /** Seeded from "today": the same today gives the same history. */
  random: (part: string) => DemoRandom;
}

/**
 * A year of Anhai's alliance before "today", on top of the base demo: generated from the source
 * article's facts, deterministic for a given today, and keyed so a second run adds nothing.
 */
export async function seedHistory(
  db: Client,
  tenantId: string,
  allianceId: string,
  organizations: Map<string, string>,
  dates: DemoDates,
): Promise<void> {
  const context: HistoryContext = {
    db,
    tenantId,
    allianceId,
    organizations,
    dates,
    random: (part) => new DemoRandom(`${dates.today}:${part}`),
  };
  // Requests first: numbered in the order they were made, before the pairing visits' requests of recent weeks.
  await seedServiceRequestHistory(context);
  await seedAllianceLife(context);
}
