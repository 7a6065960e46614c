import type { FieldProblem } from '../../platform/errors/domain.exception';

/** What must never be published of the enterprise that asked: its name, its contacts' names, mobiles and emails. */
export interface PrivateDetails {
  names: string[];
  people: string[];
  mobiles: string[];
  emails: string[];
}

const digits = (text: string) => text.replace(/\D/g, '');
const usable = (values: (string | null | undefined)[], min: number) => [
  ...new Set(values.map((v) => (v ?? '').trim()).filter((v) => [...v].length >= min)),
];

export function privateDetails(raw: PrivateDetails): PrivateDetails {
  return {
    names: usable(raw.names, 2),
    people: usable(raw.people, 2),
    mobiles: usable(
      raw.mobiles.map((m) => digits(m ?? '')),
      7,
    ),
    emails: usable(
      raw.emails.map((e) => e?.toLowerCase()),
      3,
    ),
  };
}

/**
 * The fields of a text to publish that name the enterprise or a contact, each with its reason:
 * names as written (NFKC, one case), mobiles by their digits whatever separates them.
 */
export function privateDetailProblems(
  fields: Record<string, string | undefined>,
  details: PrivateDetails,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const text = value.normalize('NFKC').toLowerCase();
    const name = details.names.find((n) => text.includes(n.normalize('NFKC').toLowerCase()));
    if (name) {
      problems.push({ field, reason: 'namesEnterprise', args: [name] });
      continue;
    }
    const person = details.people.find((p) => text.includes(p.normalize('NFKC').toLowerCase()));
    if (person) {
      problems.push({ field, reason: 'namesContact', args: [person] });
      continue;
    }
    const textDigits = digits(text);
    if (details.mobiles.some((m) => textDigits.includes(m)) || details.emails.some((e) => text.includes(e)))
      problems.push({ field, reason: 'containsContactDetail' });
  }
  return problems;
}

/** The same text with each private detail replaced, for the draft an official edits. */
export function stripPrivateDetails(text: string, details: PrivateDetails): string {
  let out = text;
  const replace = (values: string[], by: string) => {
    for (const v of [...values].sort((a, b) => b.length - a.length)) out = out.split(v).join(by);
  };
  replace(details.names, '某企业');
  replace(details.people, '企业联系人');
  replace(details.emails, '（联系方式已隐去）');
  for (const m of details.mobiles)
    out = out.replace(new RegExp(m.split('').join('[\\s-]?'), 'g'), '（联系方式已隐去）');
  return out;
}
