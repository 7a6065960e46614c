import 'reflect-metadata';
import { Pool } from 'pg';
import {
  type Head,
  IntakeModel,
  isHeldOut,
  MAX_TRAINING_EXAMPLES,
  mostFrequent,
  trainIntakeModel,
} from '../src/modules/intake/model/intake-model';
import { loadSegmenter } from '../src/modules/intake/text/segmenter';
import { deptId, GENERATED_CATEGORIES, GENERATED_RULES, generateIntakeHistory } from './seed/intake-history';

/**
 * One training of the intake model in a process of its own, as the worker runs it (so its time and
 * peak RSS are the training's, not the bench's), then the held-out fifth measured against the two
 * baselines: the most frequent class, and the keyword rules alone (the category whose catalogue name
 * or rule keyword is in the text; the department the router picks today: the first matching routing
 * rule, else the enterprise's paired department, else the filed category's provider).
 *
 * `node dist/bench/intake-train.js generated 100000` or `node dist/bench/intake-train.js database <url>`;
 * prints one JSON line.
 */

interface Example {
  id: string;
  title: string;
  description: string;
  categoryCode: string;
  departmentId: string;
  filedCode: string;
  allianceId: string;
  pairedDepartmentId: string | null;
  organizationId: string;
}

interface Rules {
  /** Per alliance: its catalogue names by code, its providers by code, its rules in order. */
  names: Map<string, { code: string; name: string }[]>;
  providers: Map<string, Map<string, string>>;
  rules: Map<string, { keywords: string[]; code: string | null; target: string }[]>;
}

async function fromDatabase(url: string): Promise<{ examples: Example[]; rules: Rules; terms: string[] }> {
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const [{ tenant_id: tenantId }] = (await pool.query(`SELECT id AS tenant_id FROM tenants WHERE slug = 'anhai'`))
      .rows as { tenant_id: string }[];
    // The worker's query (IntakeRepository.trainingHistory) with what the router weighed beside it.
    const { rows } = await pool.query<Example>(
      `SELECT r.id, r.title, r.description, c.code::text AS "categoryCode", c.code::text AS "filedCode",
              r.assigned_organization_id AS "departmentId", r.alliance_id AS "allianceId",
              o.paired_department_id AS "pairedDepartmentId", r.requester_organization_id AS "organizationId"
         FROM service_requests r
         JOIN service_categories c ON c.tenant_id = r.tenant_id AND c.id = r.category_id
         JOIN organizations o ON o.tenant_id = r.tenant_id AND o.id = r.requester_organization_id
        WHERE r.tenant_id = $1 AND r.status IN ('resolved', 'closed') AND r.resolved_at IS NOT NULL
          AND r.assigned_organization_id IS NOT NULL AND r.merged_into_id IS NULL
        ORDER BY r.resolved_at DESC, r.id DESC LIMIT $2`,
      [tenantId, MAX_TRAINING_EXAMPLES],
    );
    const cats = (
      await pool.query<{ alliance_id: string; code: string; name: string; provider: string; id: string }>(
        `SELECT alliance_id, code::text AS code, name, provider_organization_id AS provider, id
           FROM service_categories WHERE tenant_id = $1 AND active ORDER BY code`,
        [tenantId],
      )
    ).rows;
    const codeOf = new Map(cats.map((c) => [c.id, c.code]));
    const rules: Rules = { names: new Map(), providers: new Map(), rules: new Map() };
    for (const c of cats) {
      rules.names.set(c.alliance_id, [...(rules.names.get(c.alliance_id) ?? []), { code: c.code, name: c.name }]);
      rules.providers.set(
        c.alliance_id,
        (rules.providers.get(c.alliance_id) ?? new Map<string, string>()).set(c.code, c.provider),
      );
    }
    const ruleRows = (
      await pool.query<{ alliance_id: string; keywords: string[]; category_id: string | null; target: string }>(
        `SELECT alliance_id, keywords, category_id, target_organization_id AS target
           FROM routing_rules WHERE tenant_id = $1 AND active ORDER BY priority, created_at`,
        [tenantId],
      )
    ).rows;
    for (const r of ruleRows)
      rules.rules.set(r.alliance_id, [
        ...(rules.rules.get(r.alliance_id) ?? []),
        { keywords: r.keywords, code: r.category_id ? (codeOf.get(r.category_id) ?? null) : null, target: r.target },
      ]);
    const terms = (
      await pool.query<{ term: string }>(
        `SELECT DISTINCT name AS term FROM service_categories WHERE tenant_id = $1
         UNION SELECT name FROM organizations WHERE tenant_id = $1
         UNION SELECT unnest(product_tags) FROM organizations WHERE tenant_id = $1`,
        [tenantId],
      )
    ).rows
      .map((r) => r.term)
      .filter(Boolean);
    return { examples: rows, rules, terms };
  } finally {
    await pool.end();
  }
}

function generated(count: number): { examples: Example[]; rules: Rules; terms: string[] } {
  const examples = generateIntakeHistory(count).map((e) => ({ ...e, allianceId: 'a' }));
  const rules: Rules = {
    names: new Map([['a', GENERATED_CATEGORIES.map((c) => ({ code: c.code, name: c.name }))]]),
    providers: new Map([['a', new Map(GENERATED_CATEGORIES.map((c) => [c.code, deptId(c.provider)]))]]),
    rules: new Map([
      [
        'a',
        GENERATED_RULES.map((r) => ({
          keywords: r.keywords,
          code: r.code,
          target: deptId(GENERATED_CATEGORIES.find((c) => c.code === r.code)!.provider),
        })),
      ],
    ]),
  };
  return { examples, rules, terms: GENERATED_CATEGORIES.map((c) => c.name) };
}

async function main(): Promise<void> {
  const [source, arg] = process.argv.slice(2);
  const rssMb = () => process.resourceUsage().maxRSS / 1024;
  const cut = await loadSegmenter();
  const idleRssMb = rssMb();
  const loadStarted = performance.now();
  const { examples, rules, terms } = source === 'database' ? await fromDatabase(arg) : generated(Number(arg));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const started = performance.now();
  const result = await trainIntakeModel(examples, terms, cut);
  const trainSeconds = (performance.now() - started) / 1000;
  const trainedRssMb = rssMb();
  const modelBytes = Buffer.byteLength(JSON.stringify(result.data));

  const model = new IntakeModel(result.measuredModel, cut);
  const frequent: Record<Head, string[]> = {
    category: mostFrequent(result.measuredModel.category),
    department: mostFrequent(result.measuredModel.department),
  };
  const heldOut = examples.filter((e) => isHeldOut(e.id));
  const zero = () => ({ top1: 0, top3: 0 });
  const score = {
    category: { model: zero(), frequent: zero(), rules: zero() },
    department: { model: zero(), frequent: zero(), rules: zero() },
  };
  const transfers = { rules: 0, model: 0, rulesThenModel: 0 };
  const count = (into: { top1: number; top3: number }, ranked: string[], truth: string) => {
    const rank = ranked.indexOf(truth);
    if (rank === 0) into.top1 += 1;
    if (rank >= 0 && rank < 3) into.top3 += 1;
  };
  for (const e of heldOut) {
    const text = `${e.title}\n${e.description}`.toLowerCase();
    const features = model.features(e.title, e.description);
    const category = model.rank('category', features, e).map((r) => r.label);
    const department = model.rank('department', features, e).map((r) => r.label);
    count(score.category.model, category, e.categoryCode);
    count(score.department.model, department, e.departmentId);
    count(score.category.frequent, frequent.category, e.categoryCode);
    count(score.department.frequent, frequent.department, e.departmentId);

    // Keyword rules alone for the category: catalogue names, then rule keywords, then the most frequent.
    const allianceRules = rules.rules.get(e.allianceId) ?? [];
    const byKeyword = [
      ...(rules.names.get(e.allianceId) ?? []).filter((c) => text.includes(c.name.toLowerCase())).map((c) => c.code),
      ...allianceRules
        .filter((r) => r.code && r.keywords.some((k) => k.trim() && text.includes(k.trim().toLowerCase())))
        .map((r) => r.code!),
    ];
    count(score.category.rules, [...new Set([...byKeyword, ...frequent.category])], e.categoryCode);

    // The router today (RequestRouter.decide) on the category as filed.
    const rule = allianceRules.find(
      (r) =>
        (!r.code || r.code === e.filedCode) &&
        (r.keywords.length === 0
          ? !!r.code
          : r.keywords.some((k) => k.trim() && text.includes(k.trim().toLowerCase()))),
    );
    const routed = rule?.target ?? e.pairedDepartmentId ?? rules.providers.get(e.allianceId)?.get(e.filedCode) ?? '';
    const routedOrder = [...new Set([routed, ...frequent.department])];
    count(score.department.rules, routedOrder, e.departmentId);
    if (routed !== e.departmentId) transfers.rules += 1;
    if (department[0] !== e.departmentId) transfers.model += 1;
    if ((rule?.target ?? department[0]) !== e.departmentId) transfers.rulesThenModel += 1;
  }
  const share = (n: number) => (heldOut.length ? n / heldOut.length : 0);
  const shares = (s: { top1: number; top3: number }) => ({ top1: share(s.top1), top3: share(s.top3) });
  process.stdout.write(
    `${JSON.stringify({
      examples: examples.length,
      heldOut: heldOut.length,
      labels: { category: result.data.category.labels.length, department: result.data.department.labels.length },
      loadSeconds,
      trainSeconds,
      idleRssMb,
      trainedRssMb,
      modelBytes,
      thresholds: result.data.thresholds,
      evaluation: result.evaluation,
      category: {
        model: shares(score.category.model),
        frequent: shares(score.category.frequent),
        rules: shares(score.category.rules),
      },
      department: {
        model: shares(score.department.model),
        frequent: shares(score.department.frequent),
        rules: shares(score.department.rules),
      },
      transfers: {
        rules: share(transfers.rules),
        model: share(transfers.model),
        rulesThenModel: share(transfers.rulesThenModel),
      },
    })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
