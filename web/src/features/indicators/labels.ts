import i18n from '../../i18n';

/** A field's label from the catalogue, in the interface's language. */
export function fieldLabel(entry: { label: { 'zh-CN': string; en: string } } | undefined, language: string): string {
  if (!entry) return '';
  return language.startsWith('en') ? entry.label.en : entry.label['zh-CN'];
}

export const labelOf = (
  catalogue: { key: string; label: { 'zh-CN': string; en: string } }[] | undefined,
  key: string,
) =>
  fieldLabel(
    catalogue?.find((c) => c.key === key),
    i18n.language,
  ) || key;
