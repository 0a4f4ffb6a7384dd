// Moved to @app/config so that libs below the queue (sign-in throttling in @app/auth) can use it without a cycle.
export { redisOptions } from '@app/config';
