import { Global, Injectable, Module } from '@nestjs/common';
import { AccountHolderRegions } from '@app/auth';
import { EmployerDemandModule, EmployerReads } from '@app/employer-demand';
import { SeekerPoolModule, SeekerReads } from '@app/seeker-pool';

/** Auth's AccountHolderRegions port, answered by the read ports of the libs that own employers and seekers. */
@Injectable()
class DomainAccountHolderRegions extends AccountHolderRegions {
  constructor(
    private readonly employers: EmployerReads,
    private readonly seekers: SeekerReads,
  ) {
    super();
  }

  regionOf(holder: 'employer' | 'seeker', id: string): Promise<string | null> {
    return holder === 'employer' ? this.employers.regionOf(id) : this.seekers.regionOf(id);
  }
}

/** Global, so the (global) AuthModule's UsersService sees the binding. */
@Global()
@Module({
  imports: [EmployerDemandModule, SeekerPoolModule],
  providers: [{ provide: AccountHolderRegions, useClass: DomainAccountHolderRegions }],
  exports: [AccountHolderRegions],
})
export class AccountHolderRegionsModule {}
