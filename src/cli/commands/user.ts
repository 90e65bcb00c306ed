import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ROLES } from '../../domain/schemas/user.ts';
import { addUser } from '../../operations/add-user.ts';
import { ValidationFailed } from '../../operations/errors.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { CliError, configFrom, type GlobalOptions, withStore } from '../context.ts';

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError('No terminal to ask for a password: pass --password or set CYBERPORTAL_PASSWORD.');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

/** `user add NAME --role ROLE`. */
export function registerUser(program: Command) {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account')
    .argument('<username>')
    .requiredOption('-r, --role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password <password>', 'password (default: CYBERPORTAL_PASSWORD, else asked)')
    .action(async (username: string, opts: { role: string; password?: string }, cmd: Command) => {
      const config = configFrom(cmd.optsWithGlobals<GlobalOptions>());
      if (!(ROLES as readonly string[]).includes(opts.role))
        throw new CliError(`--role must be one of ${ROLES.join(', ')}, not "${opts.role}"`);
      const password = opts.password ?? process.env.CYBERPORTAL_PASSWORD ?? (await askPassword());
      await withStore(config, async (store) => {
        try {
          await addUser({ store, actor: OPERATOR, input: { username, password, role: opts.role as never } });
        } catch (err) {
          if (err instanceof ValidationFailed)
            throw new CliError(err.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
          throw err;
        }
        console.log(`Created ${opts.role} "${username}".`);
      });
    });
}
