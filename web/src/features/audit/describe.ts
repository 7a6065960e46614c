import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/dates';
import type { AuditEntry } from './api';
import { ENUM_LABELS } from './enumLabels';

export type AuditObject = AuditEntry['object'];
export type AuditChange = AuditEntry['changes'][number];

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_VALUE = 40;

/** `chain_position` → `Chain position`, for a column the app has no label for. */
export function humanize(name: string): string {
  const words = name.replace(/_id$/, '').replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function kindName(t: TFunction, object: AuditObject, entityType: string): string {
  if (object.kind === 'record') return t(`entityTypes.${entityType}`, { defaultValue: object.typeName });
  return t(`auditKinds.${object.kind}`, { defaultValue: object.typeName });
}

/** 会议《2026年第四季度联席会议》, 服务请求 FW-2026-000123《…》, 参会人 张三. */
export function objectName(t: TFunction, object: AuditObject, entityType: string): string {
  if (object.kind === 'route') return object.label ?? '';
  let text = kindName(t, object, entityType);
  if (object.code) text += ` ${object.code}`;
  if (object.label) text += object.quoted ? t('audit.quoted', { label: object.label }) : ` ${object.label}`;
  return text;
}

/** The object with what it belongs to: 会议《…》的参会人 张三. */
export function objectPhrase(t: TFunction, entry: AuditEntry): string {
  const own = objectName(t, entry.object, entry.entityType);
  if (!entry.parent) return own;
  return t('audit.childOf', { parent: objectName(t, entry.parent, ''), child: own });
}

/** Where the sentence links to: the object's page, or else its parent's. */
export function objectLink(entry: AuditEntry): string | null {
  return entry.object.link ?? entry.parent?.link ?? null;
}

export function fieldLabel(t: TFunction, kind: string, field: string): string {
  return t(`auditFields.${kind}.${field}`, {
    defaultValue: t(`auditFields.common.${field}`, { defaultValue: humanize(field) }),
  });
}

export function formatValue(t: TFunction, kind: string, field: string, value: unknown, label?: string | null): string {
  if (label) return label;
  if (value === null || value === undefined || value === '') return t('audit.empty');
  const prefix = ENUM_LABELS[kind]?.[field];
  if (prefix && (typeof value === 'string' || typeof value === 'number'))
    return t(`${prefix}.${value}`, { defaultValue: String(value) });
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value))
    return value.length === 0 ? t('audit.empty') : shorten(value.map((v) => formatValue(t, kind, field, v)).join('、'));
  // What is left of a JSON value is an object, a string or a number.
  if (typeof value !== 'string' && typeof value !== 'number') return shorten(JSON.stringify(value));
  const text = String(value);
  if (ISO_TIMESTAMP.test(text)) return formatDateTime(text);
  if (UUID.test(text)) return `#${text.slice(0, 8)}`;
  return shorten(text);
}

/** 状态 已安排 → 已取消; a hidden column says only that it changed. */
export function changeText(t: TFunction, kind: string, change: AuditChange): string {
  const field = fieldLabel(t, kind, change.field);
  if (change.hidden) return t('audit.hiddenChange', { field });
  return t('audit.change', {
    field,
    from: formatValue(t, kind, change.field, change.from, change.fromLabel),
    to: formatValue(t, kind, change.field, change.to, change.toLabel),
  });
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE ? `${oneLine.slice(0, MAX_VALUE - 1)}…` : oneLine;
}
