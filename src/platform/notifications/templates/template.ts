import type { Language } from '../../errors/localized-messages';

export type Payload = Record<string, unknown>;

/** A message in both languages from an event's payload, and where in the web app it leads. */
export type Template = (p: Payload) => Record<Language, { title: string; body: string }> & { link?: string };

/** A payload value as text; missing values read as nothing rather than "undefined". */
export const s = (value: unknown) => (value === undefined || value === null ? '' : String(value));
