import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { AccessGuard } from './access.guard';
import { AuthService } from './auth.service';
import { AuthController } from './http/auth.controller';
import { UsersController } from './http/users.controller';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Accounts, sign-in, and the global deny-by-default AccessGuard. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // Per client address, on the login route only (it opts in with ThrottlerGuard). In-memory: one per process.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'login', ttl: 60_000, limit: config.LOGIN_THROTTLE_PER_MINUTE }],
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, UsersService],
})
export class AuthModule {}
