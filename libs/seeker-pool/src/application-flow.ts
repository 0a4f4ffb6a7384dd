import { Role } from '@app/auth';
import { ApplicationStatus } from './application.entity';

/** applied → viewed → interview → offer → hired; rejected by the employer side, withdrawn by the seeker. */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  applied: ['viewed', 'interview', 'rejected', 'withdrawn'],
  viewed: ['interview', 'offer', 'rejected', 'withdrawn'],
  interview: ['offer', 'rejected', 'withdrawn'],
  offer: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

const SEEKER_MOVES: readonly ApplicationStatus[] = ['withdrawn'];
const EMPLOYER_SIDE_MOVES: readonly ApplicationStatus[] = ['viewed', 'interview', 'offer', 'hired', 'rejected'];

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** Which roles may make a move: the seeker withdraws; the employer, its officer or an admin do the rest. */
export function roleMayMove(role: Role, to: ApplicationStatus): boolean {
  if (role === 'seeker') return SEEKER_MOVES.includes(to);
  if (role === 'employer' || role === 'officer' || role === 'admin' || role === 'station_staff') return EMPLOYER_SIDE_MOVES.includes(to);
  return false;
}
