import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
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

@Injectable()
export class UsersService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async create(input: NewUser): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (await this.findByUsername(username)) throw new AppError(HttpStatus.CONFLICT, 'USERNAME_TAKEN', { username });
    const { password, ...rest } = input;
    return this.txHost.tx.getRepository(User).save({ ...rest, username, passwordHash: await hashPassword(password) });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ username: username.trim().toLowerCase() });
  }

  findById(id: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ id });
  }

  async list(page: { offset: number; limit: number }, role?: Role): Promise<[User[], number]> {
    return this.txHost.tx
      .getRepository(User)
      .findAndCount({ where: role ? { role } : {}, order: { username: 'ASC' }, skip: page.offset, take: page.limit });
  }
}
