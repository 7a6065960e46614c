import { bodyFingerprint, canonicalJson } from './body-fingerprint';

class Contact {
  name?: string;
  phone?: string;
}

describe('the fingerprint of a request body', () => {
  it('ignores key order and undefined members, at every depth', () => {
    const contact = Object.assign(new Contact(), { phone: '13905950002', name: undefined });
    expect(canonicalJson({ b: 1, a: { y: [2, 1], x: 'é' }, c: undefined, contact })).toBe(
      '{"a":{"x":"é","y":[2,1]},"b":1,"contact":{"phone":"13905950002"}}',
    );
    expect(bodyFingerprint({ title: '排污许可', urgency: 'normal', contact })).toBe(
      bodyFingerprint({ contact: { phone: '13905950002' }, urgency: 'normal', title: '排污许可' }),
    );
  });

  it('tells apart bodies that differ in a value, in array order, or in null against absent', () => {
    const base = bodyFingerprint({ title: '排污许可', tags: ['a', 'b'] });
    expect(bodyFingerprint({ title: '排污许可 ', tags: ['a', 'b'] })).not.toBe(base);
    expect(bodyFingerprint({ title: '排污许可', tags: ['b', 'a'] })).not.toBe(base);
    expect(bodyFingerprint({ title: '排污许可', tags: ['a', 'b'], note: null })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
