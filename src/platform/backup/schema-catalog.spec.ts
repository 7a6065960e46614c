import { dependencyOrder } from './schema-catalog';

describe('dependencyOrder', () => {
  it('puts parents before children, alphabetically among equals', () => {
    const order = dependencyOrder(
      ['users', 'tenants', 'requests', 'attachments'],
      [
        { child: 'users', parent: 'tenants' },
        { child: 'requests', parent: 'users' },
        { child: 'requests', parent: 'tenants' },
        { child: 'attachments', parent: 'requests' },
      ],
    );
    expect(order).toEqual(['tenants', 'users', 'requests', 'attachments']);
  });

  it('names the tables of a cycle', () => {
    expect(() =>
      dependencyOrder(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/cycle among: a, b/);
  });
});
