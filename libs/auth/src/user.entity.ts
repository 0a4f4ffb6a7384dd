import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from './role';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; logins are case-insensitive. */
  @Index('app_user_username_key', { unique: true })
  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  displayName: string;

  /** For role `employer`: the enterprise this account acts for. */
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  /** For role `seeker`: the seeker profile this account owns. */
  @Column({ type: 'uuid', nullable: true })
  seekerId: string | null;

  /** For admins and officers: the region they serve (a province-level admin has none). */
  @Column({ type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Mobile number for sign-in by phone and one-time codes: encrypted, with a keyed hash (one account per number). */
  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  @Index('app_user_phone_hash_key', { unique: true, where: 'phone_hash IS NOT NULL' })
  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash: string | null;

  /** Raised when the password changes: access tokens issued before carry an older version and stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /** The version of the privacy policy and terms the person last agreed to, and when (PIPL). */
  @Column({ type: 'text', nullable: true })
  termsVersion: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  termsAcceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
