const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat, built once per locale and options. Building one costs far more than
 * formatting with it (the profile of a routing job showed half its CPU in quiet-hours look-ups
 * building them); they are immutable, so every caller can share them.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}
