import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { likeContains } from '@app/database';
import { AppError } from '@app/errors';
import { hashPassword } from './password-hasher';
import { Role } from './role';
import { User } from './user.entity';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  employerId?: string | null;
  seekerId?: string | null;
  regionCode?: string | null;
  isDemo?: boolean;
}

export interface UserChange {
  displayName?: string;
  regionCode?: string | null;
  disabled?: boolean;
  locked?: false;
}

@Injectable()
export class UsersService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async create(input: NewUser): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (await this.findByUsername(username)) throw new AppError(HttpStatus.CONFLICT, 'USERNAME_TAKEN');
    const { password, ...rest } = input;
    return this.txHost.tx.getRepository(User).save({ ...rest, username, passwordHash: await hashPassword(password) });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ username: username.trim().toLowerCase() });
  }

  findById(id: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ id });
  }

  /** Accounts by role, and by a fragment of the username or display name. */
  async list(page: { offset: number; limit: number }, filter: { role?: Role; q?: string } = {}): Promise<[User[], number]> {
    const query = this.txHost.tx.getRepository(User).createQueryBuilder('u');
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.q) query.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q)', { q: likeContains(filter.q) });
    return query.orderBy('u.username', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** An administrator's change to an account; nobody may disable their own. */
  async update(actorId: string, id: string, change: UserChange): Promise<User> {
    const repository = this.txHost.tx.getRepository(User);
    const user = await repository.findOneBy({ id });
    if (!user) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    if (change.disabled && id === actorId) throw new AppError(HttpStatus.BAD_REQUEST, 'CANNOT_DISABLE_SELF');
    if (change.displayName != null) user.displayName = change.displayName;
    if (change.regionCode !== undefined) user.regionCode = change.regionCode;
    if (change.disabled != null) user.disabled = change.disabled;
    if (change.locked === false) Object.assign(user, { lockedUntil: null, failedLoginCount: 0 });
    return repository.save(user);
  }
}
