import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { AppConfig, redisOptions } from '@app/config';
import { NotificationsModule } from '@app/notifications';
import { AccessGuard } from './access.guard';
import { AccountCache } from './account-cache';
import { AccountSecurityService } from './account-security.service';
import { AuthService } from './auth.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { AuthController } from './http/auth.controller';
import { UsersController } from './http/users.controller';
import { SmsCode } from './sms-code.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Accounts, sign-in, and the global deny-by-default AccessGuard. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, SmsCode]),
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries it as a public key (a thrown
        // exception) and builds a key object on every sign and verify (~10% of the server's busy CPU in a B14 profile).
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // Per client address, on the login route only (it opts in with ThrottlerGuard). Counted in Redis under the
    // QUEUE_PREFIX, so replicas behind a round-robin gateway share the count.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_THROTTLE_PER_MINUTE }],
        storage: new RedisThrottlerStorage(
          new Redis({ ...redisOptions(config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 2000 }),
          config.QUEUE_PREFIX,
        ),
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, AccountSecurityService, UsersService, AccountCache, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, AccountSecurityService, UsersService, AccountCache],
})
export class AuthModule {}
