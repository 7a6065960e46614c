import fc from 'fast-check';

/** A JSON schema as @nestjs/swagger writes it into the OpenAPI document. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | Schema;
}

/** Where uuids come from: ids that exist (so handlers go past their lookups) and ids that do not. */
export type IdSource = (hint: string) => fc.Arbitrary<string>;

/** Strings attackers and careless clients send: injection, markup, odd unicode, wrong formats. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)--',
  '" OR ""="',
  '\\',
  '%',
  '_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  'a\u0000b',
  '\ud800', // a lone surrogate: not encodable as UTF-8
  '\udfff\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ufeff',
  'Z̴͇̫̥̪͓͈͔͎̗̞̺̯̱̞̙̱̜̖̠a̸̢̛l̶g̵o',
  '𠜎𠜱𠝹𠱓',
  '👨‍👩‍👧‍👦',
  '',
  ' ',
  '\t\n\r',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e309',
  '9999999999999999999999',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '0000-00-00',
  '-infinity',
  'infinity',
  'epoch',
  '+275760-09-13T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  'javascript:alert(1)',
  'http://169.254.169.254/latest/meta-data/',
  'file:///etc/passwd',
  'a@b',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

/** Values of any JSON type, none of them what a field expects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      -2147483649,
      2147483648,
      1e308,
      -1e308,
      0.5,
      Number.MAX_SAFE_INTEGER + 2,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], [[]], { a: 1 }, ['x'], [1, 'a', null]) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 2000 }).map((depth) => nested(depth)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

export function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  let current = schema;
  for (let i = 0; current.$ref && i < 20; i++) current = components[current.$ref.split('/').pop()!] ?? {};
  if (current.allOf?.length === 1) return { ...resolve(current.allOf[0], components), nullable: current.nullable };
  return current;
}

/** A value the schema describes: usually valid, sometimes at its bounds. */
export function validValue(
  schema: Schema,
  components: Record<string, Schema>,
  ids: IdSource,
  hint = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((a) => validValue(a, components, ids, hint, depth + 1)));
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringValue(s, ids, hint);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? Math.max(100, (s.minimum ?? 0) + 100) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = s.items ? validValue(s.items, components, ids, hint, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      const minLength = s.minItems ?? 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)) });
    }
    case 'object': {
      if (depth > 4 || !s.properties) return fc.constant({});
      const required = new Set(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(s.properties))
        model[key] = validValue(property, components, ids, key, depth + 1);
      return fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringValue(s: Schema, ids: IdSource, hint: string): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, 300);
  switch (s.format) {
    case 'uuid':
      return ids(hint);
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
  }
  if (/(^|[a-z])(on|date|day)$/i.test(hint) || /^(from|to)$/.test(hint)) {
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (/At$/.test(hint))
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (/Id$/.test(hint)) return ids(hint);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, maxLength) }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  );
}

export type Mutation = { kind: string; value: unknown; unknownField?: string; protoKey?: string };

/**
 * A body mutated the ways clients and attackers get it wrong: a field of the wrong type, a value
 * far out of range, a field we do not know, a prototype-pollution key, the whole body replaced.
 */
export function mutatedBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  const asObject = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {};
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((value) => ({ kind: 'valid', value })) },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat(), hostileValue).map(([value, pick, bad]) => {
        const body = asObject(value);
        const keys = Object.keys(body);
        if (keys.length === 0) return { kind: 'replace-body', value: bad };
        body[keys[pick % keys.length]] = bad;
        return { kind: 'wrong-field', value: body };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.stringMatching(/^[a-z][a-zA-Z0-9]{2,12}$/), fc.jsonValue({ maxDepth: 1 }))
        .map(([value, key, extra]) => {
          const field = `zz${key}`;
          return { kind: 'unknown-field', value: { ...asObject(value), [field]: extra }, unknownField: field };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([value, protoKey]) => ({
        kind: 'prototype-key',
        value,
        protoKey,
      })),
    },
    { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'replace-body', value })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'random-json', value })) },
  );
}

/** JSON text of a mutation; prototype keys are written into the text, where JSON.stringify would drop them. */
export function serialize(mutation: Mutation): string {
  const text = JSON.stringify(mutation.value ?? null);
  if (!mutation.protoKey) return text;
  const injected = mutation.protoKey === 'constructor' ? '{"prototype":{"polluted":1}}' : '{"polluted":1}';
  if (text.startsWith('{') && text !== '{}') return `{"${mutation.protoKey}":${injected},${text.slice(1)}`;
  return `{"${mutation.protoKey}":${injected}}`;
}
