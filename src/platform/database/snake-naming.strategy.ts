import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** camelCase properties, snake_case columns. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snake([...prefixes, propertyName].join('_'));
  }

  relationName(propertyName: string): string {
    return snake(propertyName);
  }

  joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  /** fk_<table>__<column>: the referencing column other than tenant_id, which the error filter reports as the field. */
  foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    const table = (typeof tableOrName === 'string' ? tableOrName : tableOrName.name).split('.').pop();
    const column = columnNames.filter((name) => name !== 'tenant_id').pop() ?? 'tenant_id';
    return `fk_${table}__${column}`;
  }
}
