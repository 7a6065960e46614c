import { seedCasesHistory } from './cases';
import type { HistoryContext } from './index';
import { seedIndicatorHistory } from './indicators';
import { seedMeetings } from './meetings';
import { seedPairingHistory } from './pairing';
import { historyPeople } from './people';
import { seedThinkTankHistory } from './think-tank';

/**
 * The alliance's year besides its service requests: joint meetings with their minutes and action
 * items, the think tank's reviews, pairing visits, typical cases and indicator rounds.
 */
export async function seedAllianceLife(context: HistoryContext): Promise<void> {
  const people = await historyPeople(context);
  await seedMeetings(context, people);
  await seedThinkTankHistory(context, people);
  await seedPairingHistory(context, people);
  await seedCasesHistory(context, people);
  await seedIndicatorHistory(context, people);
}
