import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A named statement on the pool: prepared once per connection and then only executed (no planning, no ORM query
 * building), outside any request transaction. For the hottest fixed reads; the rows come back as the driver parses them.
 */
export async function namedQuery<R extends QueryResultRow>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<R[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query<R>({ name, text, values });
  return rows;
}
