import { randomUUID } from 'node:crypto';
import { INDICATOR_ROUNDS, LEAD, MEMBERS } from '../anhai-data';
import type { HistoryContext } from './index';
import type { HistoryPeople } from './people';
import { insertRows, plusMinutes, shanghai } from './rows';

/** What a quarterly round asks (copied from the catalogue, as IndicatorsService.open copies it). */
const QUARTER_FIELDS = [
  { key: 'output_value', type: 'decimal', unit: '万元', min: 0, required: true },
  { key: 'orders', type: 'decimal', unit: '万元', min: 0, required: true },
  { key: 'tax_paid', type: 'decimal', unit: '万元', min: 0, required: true },
  { key: 'rd_investment', type: 'decimal', unit: '万元', min: 0, required: false },
];
const SEASON = [0.86, 1.0, 1.04, 1.1];
const REPORTERS = [LEAD, ...MEMBERS];

/** The last `count` quarters that ended before today, oldest first: [year, quarter, last day]. */
function endedQuarters(today: string, count: number): { year: number; quarter: number; end: string }[] {
  const year = Number(today.slice(0, 4));
  let index = year * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3) - 1;
  const quarters = [];
  for (let i = 0; i < count; i++, index--) {
    const y = Math.floor(index / 4);
    const q = (index % 4) + 1;
    quarters.unshift({ year: y, quarter: q, end: new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10) });
  }
  return quarters;
}

/**
 * Enterprise indicators (企业指标): the quarterly rounds of the last four quarters (period 'YYYY-Qn',
 * which the product supports besides the yearly ones), closed but the latest, which is still open and
 * which 兴翼机械 has yet to fill; and the members' figures in the base demo's two yearly rounds. A
 * member's yearly output value scales with its size; quarters follow the season.
 */
export async function seedIndicatorHistory(context: HistoryContext, people: HistoryPeople): Promise<void> {
  const { db, tenantId, allianceId, organizations, dates } = context;
  const random = context.random('indicators');
  const now = dates.now.toISOString();
  const base = new Map<string, number>(
    INDICATOR_ROUNDS[0].submissions.map((s) => [s.organization, s.values.output_value]),
  );
  // Last year's output value (万元) of every reporting member.
  const yearly = new Map(
    REPORTERS.map((e) => [e.name, base.get(e.name) ?? Math.round(e.members * (550 + random.int(0, 450)))]),
  );

  const quarters = endedQuarters(dates.today, 4);
  const rounds: Record<string, unknown>[] = [];
  const submissions: Record<string, unknown>[] = [];
  for (const [i, q] of quarters.entries()) {
    const latest = i === quarters.length - 1;
    const opened = shanghai(new Date(Date.parse(q.end) + 86_400_000).toISOString().slice(0, 10), '09:00');
    const natural = new Date(Date.parse(q.end) + 20 * 86_400_000).toISOString().slice(0, 10);
    // The latest round stays open: its deadline moved on (as an official does) when it had passed.
    const deadline = latest && natural < dates.day(10) ? dates.day(14) : natural;
    const id = randomUUID();
    rounds.push({
      id,
      tenant_id: tenantId,
      alliance_id: allianceId,
      period: `${q.year}-Q${q.quarter}`,
      year: q.year,
      quarter: q.quarter,
      deadline,
      fields: QUARTER_FIELDS,
      status: latest ? 'open' : 'closed',
      created_by_id: people.official,
      created_at: opened,
      updated_at: opened,
    });
    for (const enterprise of REPORTERS) {
      const roll = random.next();
      const share = random.next();
      const growth = 1 + (q.year - dates.year + 1) * 0.08 + (random.next() - 0.5) * 0.06;
      if (enterprise.name === '兴翼机械' && latest) continue;
      const submitted = latest ? roll < 0.55 || enterprise.name === LEAD.name : roll < 0.93;
      if (!submitted && roll > 0.97) continue;
      const output = Math.round((yearly.get(enterprise.name)! / 4) * SEASON[q.quarter - 1] * growth * 10) / 10;
      const values = submitted
        ? {
            output_value: output,
            orders: Math.round(output * (1.02 + share * 0.1) * 10) / 10,
            tax_paid: Math.round(output * 0.045 * 10) / 10,
            rd_investment: Math.round(output * (0.02 + share * 0.03) * 10) / 10,
          }
        : { output_value: output };
      const span = Math.max(1, Math.min(Date.parse(shanghai(deadline, '17:00')), Date.parse(now)) - Date.parse(opened));
      const at = plusMinutes(opened, Math.floor((roll * span) / 60_000));
      const by = people.contactOf.get(organizations.get(enterprise.name)!);
      submissions.push({
        tenant_id: tenantId,
        round_id: id,
        organization_id: organizations.get(enterprise.name),
        values,
        status: submitted ? 'submitted' : 'draft',
        submitted_at: submitted ? at : null,
        submitted_by_id: submitted ? by : null,
        created_at: plusMinutes(at, -40),
        updated_at: at,
      });
    }
  }
  const { rows: existing } = await db.query<{ period: string }>(
    'SELECT period FROM indicator_rounds WHERE alliance_id = $1 AND period = ANY($2)',
    [allianceId, rounds.map((r) => r.period)],
  );
  const fresh = rounds.filter((r) => !existing.some((e) => e.period === r.period));
  await insertRows(db, 'indicator_rounds', fresh);
  await insertRows(
    db,
    'indicator_submissions',
    submissions.filter((s) => fresh.some((r) => r.id === s.round_id)),
  );

  // The members' yearly figures beside the base demo's four, in last year's closed round and this year's open one.
  const { rows: yearlyRounds } = await db.query<{ id: string; year: number; status: string; deadline: string }>(
    `SELECT id, year, status, deadline::text AS deadline FROM indicator_rounds WHERE alliance_id = $1 AND quarter IS NULL ORDER BY year DESC LIMIT 2`,
    [allianceId],
  );
  const figures: Record<string, unknown>[] = [];
  for (const round of yearlyRounds) {
    const closed = round.status === 'closed';
    for (const enterprise of MEMBERS) {
      const roll = random.next();
      if (base.has(enterprise.name) || roll > (closed ? 0.92 : 0.4)) continue;
      const growth = closed ? 1 : 1.06 + roll * 0.1;
      const output = Math.round(yearly.get(enterprise.name)! * growth);
      const at = closed
        ? shanghai(`${round.year + 1}-01-${String(5 + Math.floor(roll * 20)).padStart(2, '0')}`, '10:00')
        : plusMinutes(now, -Math.floor(roll * 10 + 1) * 1440);
      figures.push({
        tenant_id: tenantId,
        round_id: round.id,
        organization_id: organizations.get(enterprise.name),
        status: 'submitted',
        submitted_at: at,
        submitted_by_id: people.contactOf.get(organizations.get(enterprise.name)!),
        created_at: plusMinutes(at, -60),
        updated_at: at,
        values: {
          output_value: output,
          orders: Math.round(output * 1.08),
          rd_products: Math.max(0, Math.round(enterprise.members / 5) - 1 + Math.floor(roll * 2)),
          patents: Math.round(enterprise.members / 2 + roll * 3),
          employees: enterprise.members * 14 + Math.floor(roll * 30),
          party_members: enterprise.members,
        },
      });
    }
  }
  await insertRows(db, 'indicator_submissions', figures, 'ON CONFLICT (round_id, organization_id) DO NOTHING');
}
