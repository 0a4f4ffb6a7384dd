import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDependencyUnavailable } from './api-exception.filter';

describe('isDependencyUnavailable', () => {
  it('counts a transaction whose connection PostgreSQL dropped (TypeORM released its query runner) as an outage', () => {
    expect(isDependencyUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('does not count an ordinary error', () => {
    expect(isDependencyUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
