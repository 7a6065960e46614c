import type { Page } from 'playwright-core';

/**
 * What a Chinese page must not show: raw i18n keys and type ids, and untranslated English. Shared
 * by the browser tests that walk pages (navigation.test.ts, workbench-tasks.test.ts).
 */

/** `nav.home`, `meeting.invited`, `workbench.sections.requests_to_accept.title`: dotted lower-case ids, not words. */
const RAW_KEY = /(?<![\w@/.-])[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z0-9_-]*)+(?![\w@/])/g;
/** A Latin word of three letters or more in the Chinese interface. */
const ENGLISH_WORD = /(?<![\w@/.-])[A-Za-z]{3,}(?![\w@/.-])/g;
/**
 * Latin words a Chinese page may show besides acronyms (SMTP, PDF, PLC): the language switch offers
 * "English" in English, and names Chinese users read as they are: Office and Excel files, a group
 * robot's Webhook (WeCom's and DingTalk's own Chinese screens call it that), and the AccessKey of an
 * Alibaba Cloud SMS account (its Chinese console's name for it, which the official copies from there).
 */
const ALLOWED_LATIN = new Set(['English', 'Office', 'Excel', 'Webhook', 'AccessKey']);

/** Text a person reads on the page, without e-mail addresses and links (which are Latin by nature). */
export async function visibleText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  // A provider's template variable (an SMS template's ${code}) is written as the provider spells it.
  return text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\$\{\w+\}/g, ' ');
}

export function rawKeysIn(text: string): string[] {
  return [...new Set(text.match(RAW_KEY) ?? [])];
}

/** An acronym, or one in the plural as Chinese writes it too (VOCs, 挥发性有机物). */
const ACRONYM = /^[A-Z]{2,}s?$/;

/** Latin words that are neither acronyms nor allowed names. */
export function englishIn(text: string): string[] {
  return [
    ...new Set((text.match(ENGLISH_WORD) ?? []).filter((word) => !ACRONYM.test(word) && !ALLOWED_LATIN.has(word))),
  ];
}

/**
 * Dates and times not in the township's format (YYYY-MM-DD HH:mm, 2026年12月6日, 12月6日): the
 * browser's own formats (2026/12/6, 12/6/2026, 上午/下午 or AM/PM, seconds), ISO timestamps, and
 * zone names where 北京时间 belongs.
 */
const FOREIGN_DATE = [
  /\b\d{4}\/\d{1,2}\/\d{1,2}\b/g,
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g,
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g,
  /[上下]午\s*\d{1,2}[:：]\d{2}/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?\s?[AP]M\b/g,
  /(?<![\d.])\d{1,2}:\d{2}:\d{2}(?![\d.])/g,
  /\bGMT[+-]?\d*\b|Asia\/Shanghai|中国标准时间/g,
];

export function foreignDatesIn(text: string): string[] {
  return [...new Set(FOREIGN_DATE.flatMap((pattern) => text.match(pattern) ?? []))];
}

/** The dates and times a page shows, in order: the same page must show the same ones wherever the browser is. */
export function datesAndTimesIn(text: string): string[] {
  return (
    text.match(
      /\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?|\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?<![\d年])\d{1,2}月\d{1,2}日|(?<![\d:])\d{2}:\d{2}(?![\d:])/g,
    ) ?? []
  );
}

/** Minutes since midnight of `HH:mm`, or of the time in `YYYY-MM-DD HH:mm` (with the day), for comparing. */
function minutesOf(token: string): number | null {
  const match = /^(?:(\d{4})-(\d{2})-(\d{2}) )?(\d{2}):(\d{2})$/.exec(token);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match;
  const days = year ? Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000 : 0;
  return days * 1440 + Number(hours) * 60 + Number(minutes);
}

/**
 * Whether two pages show the same dates and times. A clock the page shows ("数据时间 12:01") may
 * turn a minute between two loads, so times within five minutes count as the same; a date in the
 * browser's zone instead of the township's is hours away.
 */
export function sameDatesAndTimes(here: string[], there: string[]): boolean {
  return (
    here.length === there.length &&
    here.every((token, i) => {
      if (token === there[i]) return true;
      const [a, b] = [minutesOf(token), minutesOf(there[i])];
      return a !== null && b !== null && Math.abs(a - b) <= 5;
    })
  );
}
