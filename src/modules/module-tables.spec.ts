import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Each module is the only door to its tables: its SQL names its own tables, platform tables, and the
 * views other modules export on purpose (EXPORTED_VIEWS in their exported-views.ts), nothing else.
 * A table belongs to the module (or platform part) whose entity declares it. What is still crossed
 * is listed in KNOWN_DEBT, exactly: a new crossing fails, and so does a paid one still listed.
 */

const ROOT = join(__dirname, '..', '..');
const MODULES = join(ROOT, 'src', 'modules');

/** Tables only migrations create (no entity), and who owns them. */
const MIGRATION_TABLES: Record<string, string> = {
  service_request_daily_figures: 'modules/service-requests',
  // Created by ServiceRequestMonthlyFigures, dropped by ServiceRequestMonthlyGrains.
  service_request_monthly_figures: 'modules/service-requests',
  service_request_monthly_department_figures: 'modules/service-requests',
  service_request_monthly_category_figures: 'modules/service-requests',
  service_request_figure_changes: 'modules/service-requests',
  service_request_daily_statuses: 'modules/service-requests',
  meeting_daily_figures: 'modules/meetings',
  meeting_figure_changes: 'modules/meetings',
  alliance_member_figures: 'modules/alliances',
  alliance_member_figure_changes: 'modules/alliances',
  organization_figure_changes: 'modules/organizations',
  study_site_days: 'modules/study-route',
  login_failures: 'platform/auth',
  sms_sign_in_codes: 'platform/auth',
  throttle_counters: 'platform/auth',
  stream_tickets: 'platform/notifications',
  backup_runs: 'platform/backup',
  backup_alerts: 'platform/backup',
};

/** The users entity sits in platform/auth for signing in, but the people in it are the users module's data. */
const OWNER_OVERRIDES: Record<string, string> = { users: 'modules/users' };

/** module → table → how many SQL literals of the module name it today. Only ever lowered. */
const KNOWN_DEBT: Record<string, Record<string, number>> = {};

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:ONLY\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi;

interface Reference {
  module: string;
  table: string;
  at: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The text of each string and template literal, with `${...}` standing for each substitution. */
function literals(file: ts.SourceFile): { text: string; pos: number }[] {
  const found: { text: string; pos: number }[] = [];
  walk(file, (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // A statement builder's `from: 'meetings m'` is a FROM clause without the keyword.
      const from =
        ts.isPropertyAssignment(node.parent) &&
        node.parent.initializer === node &&
        /^(?:from|itemFrom)$/.test(node.parent.name.getText());
      found.push({ text: from ? `FROM ${node.text}` : node.text, pos: node.getStart() });
    } else if (ts.isTemplateExpression(node)) {
      found.push({
        text: node.head.text + node.templateSpans.map((span) => ' ${} ' + span.literal.text).join(''),
        pos: node.getStart(),
      });
    }
  });
  return found;
}

/** Table → owner, from every `@Entity('name')` under src/ plus the migration-only map. */
function owners(): Map<string, string> {
  const owned = new Map<string, string>(Object.entries(MIGRATION_TABLES));
  for (const path of sourceFiles(join(ROOT, 'src'))) {
    if (!readFileSync(path, 'utf8').includes('@Entity(')) continue;
    const [, area, part] = relative(ROOT, path).split(/[\\/]/);
    walk(parse(path), (node) => {
      if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) return;
      const { expression, arguments: args } = node.expression;
      if (ts.isIdentifier(expression) && expression.text === 'Entity' && args[0] && ts.isStringLiteral(args[0])) {
        owned.set(args[0].text, `${area}/${part}`);
      }
    });
  }
  for (const [table, owner] of Object.entries(OWNER_OVERRIDES)) owned.set(table, owner);
  return owned;
}

/** View → the module that exports it. */
function exportedViews(): Map<string, string> {
  const views = new Map<string, string>();
  for (const name of readdirSync(MODULES)) {
    const path = join(MODULES, name, 'exported-views.ts');
    if (!existsSync(path)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EXPORTED_VIEWS } = require(path) as { EXPORTED_VIEWS: readonly string[] };
    for (const view of EXPORTED_VIEWS) views.set(view, `modules/${name}`);
  }
  return views;
}

function crossReferences(owned: Map<string, string>, views: Map<string, string>): Reference[] {
  const found: Reference[] = [];
  for (const path of sourceFiles(MODULES)) {
    const module = `modules/${relative(MODULES, path).split(/[\\/]/)[0]}`;
    const file = parse(path);
    for (const { text, pos } of literals(file)) {
      for (const [, name] of text.matchAll(SQL_TABLE)) {
        const table = name.toLowerCase();
        const owner = owned.get(table);
        if (!owner || owner === module || owner.startsWith('platform/') || views.has(table)) continue;
        const line = file.getLineAndCharacterOfPosition(pos).line + 1;
        found.push({ module, table, at: `${relative(ROOT, path)}:${line}` });
      }
    }
  }
  return found;
}

function migrationRelations(kind: 'TABLE' | 'VIEW'): Set<string> {
  const dir = join(ROOT, 'migrations');
  const pattern = new RegExp(
    `CREATE (?:OR REPLACE )?(?:UNLOGGED )?${kind} (?:IF NOT EXISTS )?(?:public\\.)?"?([a-z_][a-z0-9_]*)"?`,
    'g',
  );
  const names = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const [, relation] of readFileSync(join(dir, name), 'utf8').matchAll(pattern)) names.add(relation);
  }
  return names;
}

describe('module tables', () => {
  const owned = owners();
  const views = exportedViews();

  it('knows who owns every table the migrations create', () => {
    const unowned = [...migrationRelations('TABLE')].filter((table) => !owned.has(table)).sort();
    expect(unowned).toEqual([]);
  });

  it('finds every exported view created by a migration', () => {
    const created = migrationRelations('VIEW');
    expect([...views.keys()].filter((view) => !created.has(view))).toEqual([]);
  });

  it("lets a module's SQL name only its own tables, platform tables and exported views, besides the known debt", () => {
    const references = crossReferences(owned, views);
    const counted: Record<string, Record<string, number>> = {};
    for (const { module, table } of references) {
      const name = module.slice('modules/'.length);
      counted[name] ??= {};
      counted[name][table] = (counted[name][table] ?? 0) + 1;
    }
    const problems: string[] = [];
    for (const name of new Set([...Object.keys(counted), ...Object.keys(KNOWN_DEBT)])) {
      for (const table of new Set([...Object.keys(counted[name] ?? {}), ...Object.keys(KNOWN_DEBT[name] ?? {})])) {
        const now = counted[name]?.[table] ?? 0;
        const listed = KNOWN_DEBT[name]?.[table] ?? 0;
        if (now > listed) {
          const where = references.filter((r) => r.module === `modules/${name}` && r.table === table).map((r) => r.at);
          problems.push(
            `${name} names ${owned.get(table)}'s table ${table} ${now} times (${listed} known): ${where.join(', ')}`,
          );
        } else if (now < listed) {
          problems.push(
            `${name} names ${table} ${now} times now: lower KNOWN_DEBT['${name}']['${table}'] from ${listed} to ${now}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
