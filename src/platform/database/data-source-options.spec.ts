import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { dataSourceOptions, PRIMARY_APPLICATION_NAME, REPLICA_APPLICATION_NAME } from './data-source-options';

describe('dataSourceOptions', () => {
  const primary = 'postgres://app:pw@primary:5432/lianmeng';

  it('connects to the primary alone when no replica is given', () => {
    const options = dataSourceOptions(primary, 7) as PostgresDataSourceOptions;
    expect(options).toMatchObject({ url: primary, poolSize: 7, applicationName: PRIMARY_APPLICATION_NAME });
    expect(options.replication).toBeUndefined();
  });

  it('adds the replicas as slaves, but keeps reads on the primary unless asked', () => {
    const replicas = ['postgres://app:pw@replica-1/lianmeng', 'postgres://app:pw@replica-2/lianmeng'];
    const options = dataSourceOptions(primary, 7, { readUrls: replicas }) as PostgresDataSourceOptions;
    expect(options.url).toBeUndefined();
    expect(options.replication).toEqual({
      master: { url: primary, applicationName: PRIMARY_APPLICATION_NAME },
      slaves: replicas.map((url) => ({ url, applicationName: REPLICA_APPLICATION_NAME })),
      defaultMode: 'master',
    });
  });
});
