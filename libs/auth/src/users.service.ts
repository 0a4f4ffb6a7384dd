import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/crypto';
import { isUniqueViolation, likeContains, namedQuery } from '@app/database';
import { AppError } from '@app/errors';
import { AccountCache, AccountState } from './account-cache';
import { AccountHolderRegions } from './account-holder-regions';
import { hashPassword } from './password-hasher';
import { Principal } from './principal';
import { Role } from './role';
import { adminRegion, assertMayAssignRegion, mayAssignRegion, userScope, userScopeCondition } from './scope.policy';
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
  /** Mobile number for sign-in by phone and SMS codes; left off the account when another account has it. */
  phone?: string | null;
  /** The version of the privacy policy and terms agreed to at registration (recorded with the time). */
  termsVersion?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UserChange {
  displayName?: string;
  regionCode?: string | null;
  disabled?: boolean;
  locked?: false;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly holders: AccountHolderRegions,
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountCache,
  ) {}

  async create(input: NewUser): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (await this.findByUsername(username)) throw new AppError(HttpStatus.CONFLICT, 'USERNAME_TAKEN');
    const { password, phone, termsVersion, ...rest } = input;
    const consent = termsVersion ? { termsVersion, termsAcceptedAt: new Date() } : {};
    const phoneColumns = phone ? await this.phoneColumnsIfFree(phone, null) : {};
    try {
      return await this.txHost.tx.getRepository(User).save({ ...rest, ...consent, ...phoneColumns, username, passwordHash: await hashPassword(password) });
    } catch (error) {
      // A concurrent request took the name between the check and the insert: answered as if it came later.
      if (isUniqueViolation(error, 'app_user_username_key')) throw new AppError(HttpStatus.CONFLICT, 'USERNAME_TAKEN');
      throw error;
    }
  }

  /**
   * The account's sign-in phone follows the number on its profile. A number another account already signs in with
   * is not taken over (the account then has none): nothing tells the caller, so it reveals no other account.
   */
  async setPhone(userId: string, phone: string | null): Promise<void> {
    const columns = phone ? await this.phoneColumnsIfFree(phone, userId) : {};
    await this.txHost.tx.getRepository(User).update(userId, { phoneEncrypted: null, phoneHash: null, ...columns });
  }

  private async phoneColumnsIfFree(phone: string, userId: string | null): Promise<{ phoneEncrypted?: string; phoneHash?: string }> {
    const phoneHash = this.cipher.blindIndex(phone);
    const holder = await this.txHost.tx.getRepository(User).findOne({ where: { phoneHash }, select: { id: true } });
    if (holder && holder.id !== userId) return {};
    return { phoneEncrypted: this.cipher.encrypt(phone), phoneHash };
  }

  findByUsername(username: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ username: username.trim().toLowerCase() });
  }

  findById(id: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ id });
  }

  /**
   * The account's state for the access check of every signed-in request: a named statement (prepared once per
   * connection) on the pool, outside any request transaction (guards run before it opens), without the ORM's query
   * building and hydration (with them, and read twice, the account took ~35% of `GET /api/auth/me`'s busy CPU in a B14 profile).
   */
  async findAccountState(id: string): Promise<AccountState | null> {
    if (!UUID.test(id)) return null;
    const [row] = await namedQuery<AccountRow>(
      this.dataSource,
      'auth-account-state',
      `SELECT id, role, employer_id, seeker_id, region_code, display_name, terms_version, disabled, token_version FROM app_user WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id, role: row.role, employerId: row.employer_id, seekerId: row.seeker_id, regionCode: row.region_code,
      displayName: row.display_name, termsVersion: row.terms_version, disabled: row.disabled, tokenVersion: row.token_version,
    };
  }

  /**
   * An administrator creates an account. A regional administrator creates accounts inside their region only: staff
   * accounts with a region within theirs (never none), employer and seeker accounts for an enterprise or seeker of
   * the region (a foreign id answers 404, as if missing).
   */
  async createAs(principal: Principal, input: NewUser): Promise<User> {
    const region = adminRegion(principal);
    if (region === undefined) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    if (region !== null) {
      if (input.role === 'employer' || input.role === 'seeker') {
        const holder = input.role;
        const id = holder === 'employer' ? input.employerId : input.seekerId;
        const region = id ? await this.holders.regionOf(holder, id) : null;
        if (region === null || !mayAssignRegion(principal, region)) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: holder });
        if (input.regionCode != null) assertMayAssignRegion(principal, input.regionCode);
      } else {
        assertMayAssignRegion(principal, input.regionCode);
      }
    }
    return this.create(input);
  }

  /** Accounts in the administrator's scope, by role, and by a fragment of the username or display name. */
  async list(principal: Principal, page: { offset: number; limit: number }, filter: { role?: Role; q?: string } = {}): Promise<[User[], number]> {
    const scope = userScopeCondition(userScope(principal), 'u');
    const query = this.txHost.tx.getRepository(User).createQueryBuilder('u').where(scope.sql, scope.params);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.q) query.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q)', { q: likeContains(filter.q) });
    return query.orderBy('u.username', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** One account in the administrator's scope; another answers 404 as if missing. */
  async getVisible(principal: Principal, id: string): Promise<User> {
    const scope = userScopeCondition(userScope(principal), 'u');
    const user = await this.txHost.tx.getRepository(User).createQueryBuilder('u').where(scope.sql, scope.params).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    return user;
  }

  /**
   * An administrator's change to an account in their scope; nobody may disable their own, and a regional
   * administrator may move an account (their own included) only to a region within theirs.
   */
  async update(principal: Principal, id: string, change: UserChange): Promise<User> {
    const repository = this.txHost.tx.getRepository(User);
    const user = await this.getVisible(principal, id);
    if (change.disabled && id === principal.userId) throw new AppError(HttpStatus.BAD_REQUEST, 'CANNOT_DISABLE_SELF');
    if (change.regionCode !== undefined) assertMayAssignRegion(principal, change.regionCode);
    if (change.displayName != null) user.displayName = change.displayName;
    if (change.regionCode !== undefined) user.regionCode = change.regionCode;
    if (change.disabled != null) user.disabled = change.disabled;
    if (change.locked === false) Object.assign(user, { lockedUntil: null, failedLoginCount: 0 });
    const saved = await repository.save(user);
    this.accounts.invalidate(id);
    return saved;
  }
}

interface AccountRow {
  id: string;
  role: User['role'];
  employer_id: string | null;
  seeker_id: string | null;
  region_code: string | null;
  display_name: string;
  terms_version: string | null;
  disabled: boolean;
  token_version: number;
}
