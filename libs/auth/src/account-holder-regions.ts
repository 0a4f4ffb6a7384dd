/**
 * The read port user administration needs of the domains that own account holders: where an employer or a seeker
 * is registered. Auth sits below those domains, so it names the port and the composition (CoreModule) binds the
 * domains' reads to it.
 */
export abstract class AccountHolderRegions {
  /** The region code of the employer or seeker; null when there is none with this id. */
  abstract regionOf(holder: 'employer' | 'seeker', id: string): Promise<string | null>;
}
