import type { DashboardView } from './api';
import { formatNumber } from './format';

type DepartmentRank = DashboardView['serviceRequests']['departmentRanking'][number];

/** One place's height at scale 1 (a name's line, its bar, the gap to the next; see dashboard.css). */
const ROW_PX = 35;

/**
 * The department ranking on the wall: each department's whole name above its score bar, first
 * place on top, as many places as the card's height holds. Text, unlike a chart's axis labels,
 * wraps instead of being cut when a name is long.
 */
export function WallRanking({ rows, height, scale }: { rows: DepartmentRank[]; height: number; scale: number }) {
  const fits = Math.max(1, Math.floor((height + 6 * scale) / (ROW_PX * scale)));
  return (
    <ol className="dash-wall-ranking" style={{ height }} data-testid="dash-wall-ranking">
      {rows.slice(0, fits).map((row) => {
        const score = Math.round(row.score * 1000) / 10;
        return (
          <li key={`${row.rank}-${row.name}`} className="dash-wall-ranking-row" data-testid="dash-wall-ranking-row">
            <span className="dash-wall-ranking-rank">{row.rank}</span>
            <span className="dash-wall-ranking-name" data-testid="dash-wall-ranking-name">
              {row.name}
            </span>
            <span className="dash-wall-ranking-score">{formatNumber(score)}</span>
            <span className="dash-wall-ranking-bar" aria-hidden>
              <span style={{ width: `${Math.min(100, Math.max(0, score))}%` }} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
