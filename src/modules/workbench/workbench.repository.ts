import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { RawItem, SectionRows, Statement } from './sections/section-statement';

/** This week in the township's time zone: Monday 00:00 to the next Monday 00:00, as instants. */
export const WEEK_SQL = `SELECT date_trunc('week', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS week_start,
                         (date_trunc('week', $1::timestamptz AT TIME ZONE $2) + interval '7 days') AT TIME ZONE $2 AS week_end`;

/** Runs the workbench's statements (sections/*.ts build them over the owners' exported views). */
@Injectable()
export class WorkbenchRepository {
  constructor(private readonly tenant: TenantContext) {}

  async week(now: Date, timeZone: string): Promise<{ weekStart: Date; weekEnd: Date }> {
    const [week] = await this.tenant.manager.query<{ week_start: Date; week_end: Date }[]>(WEEK_SQL, [now, timeZone]);
    return { weekStart: week.week_start, weekEnd: week.week_end };
  }

  /** One section's statement: its count and, when it lists them, its first items. */
  async section(statement: Statement): Promise<SectionRows> {
    const [row] = await this.tenant.manager.query<{ total: number; items?: RawItem[] }[]>(
      statement.sql,
      statement.params,
    );
    return { total: Number(row.total), items: row.items ?? [] };
  }
}
