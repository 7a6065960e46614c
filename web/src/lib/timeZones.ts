import type { TFunction } from 'i18next';

/** A person-readable name for an IANA time zone ("北京时间 (UTC+8)"); unknown zones are shown as they are. */
export function timeZoneName(t: TFunction, zone: string): string {
  return t(`common.timeZoneNames.${zone}`, { defaultValue: zone });
}
