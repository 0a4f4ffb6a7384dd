import { Command, CommandRunner, Option } from 'nest-commander';
import { ROLES, Role, UsersService } from '@app/auth';

interface CreateUserOptions {
  password: string;
  name?: string;
  employer?: string;
  seeker?: string;
  region?: string;
}

@Command({
  name: 'user:create',
  arguments: '<username> <role>',
  description: `Create a user. Roles: ${ROLES.join(', ')}`,
})
export class CreateUserCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run([username, role]: string[], options: CreateUserOptions): Promise<void> {
    if (!ROLES.includes(role as Role)) throw new Error(`unknown role "${role}"; use one of: ${ROLES.join(', ')}`);
    if (!options.password || options.password.length < 10) throw new Error('--password of at least 10 characters is required');
    const user = await this.users.create({
      username,
      password: options.password,
      role: role as Role,
      displayName: options.name ?? username,
      employerId: options.employer ?? null,
      seekerId: options.seeker ?? null,
      regionCode: options.region ?? null,
    });
    console.log(`created ${user.role} ${user.username} (${user.id})`);
  }

  @Option({ flags: '-p, --password <password>', description: 'at least 10 characters', required: true })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '-n, --name <displayName>', description: 'display name' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--employer <employerId>', description: 'for role employer: the employer id' })
  parseEmployer(value: string): string {
    return value;
  }

  @Option({ flags: '--seeker <seekerId>', description: 'for role seeker: the seeker id' })
  parseSeeker(value: string): string {
    return value;
  }

  @Option({ flags: '--region <regionCode>', description: 'for admins and officers: the region served' })
  parseRegion(value: string): string {
    return value;
  }
}
