import { runCommand, USAGE } from './cli/commands';
import { databaseOptionsFromEnv } from './config';
import { openDatabase } from './db/open';

/** The self-hoster's CLI: `pnpm --filter @relance/server cli <command>` (see USAGE). */
async function main() {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return 0;
  }
  const database = await openDatabase(databaseOptionsFromEnv());
  try {
    return await runCommand(database.db, argv, { log: (line) => console.log(line) });
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
