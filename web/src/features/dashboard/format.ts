import { currentLanguage } from '../../i18n';

const percentFormat = new Map<string, Intl.NumberFormat>();
const numberFormat = new Map<string, Intl.NumberFormat>();

function cached(cache: Map<string, Intl.NumberFormat>, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const language = currentLanguage();
  let format = cache.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    cache.set(language, format);
  }
  return format;
}

/** 0.667 -> "66.7%"; null (nothing to measure) -> "—". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return cached(percentFormat, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** 1234 -> "1,234" in the current language. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return cached(numberFormat, { maximumFractionDigits: 1 }).format(value);
}

/** A rate (0–1) as a chart value in percent with one decimal; null stays a gap. */
export function asChartPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}
