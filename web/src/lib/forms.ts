/** A form's text field to the API: trimmed, and null when nothing but blanks was typed. */
export function blankToNull(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** Like blankToNull, for optional fields the API wants left out rather than null. */
export function blankToUndefined(value: string | null | undefined): string | undefined {
  return blankToNull(value) ?? undefined;
}
