// The command line: `gridshift <command> [flags]`, a shell over the library (src/index.ts).
import { pathToFileURL } from 'node:url';
import { GridshiftError } from './service/problem.ts';
import { BATCH_HELP, runBatchCommand } from './cli/batch.ts';
import { COMPARE_HELP, runCompare, runSuggest, SUGGEST_HELP } from './cli/decide.ts';
import { ESTIMATE_HELP, runEstimate } from './cli/estimate.ts';
import { FACTORS_HELP, runFactorsCommand } from './cli/factors.ts';
import { FOCUS_HELP, runFocusCommand } from './cli/focus.ts';
import { EXIT, processIo, type CliIo } from './cli/io.ts';
import { problemBody, renderProblem } from './cli/output.ts';
import { METHODOLOGY_VERSION } from './core/estimate.ts';

type Command = {
  summary: string;
  help: string;
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
};

const COMMANDS: Record<string, Command> = {
  estimate: {
    summary: 'energy and emissions of one workload',
    help: ESTIMATE_HELP,
    run: runEstimate,
  },
  compare: {
    summary: 'the workload over candidate regions (and GPUs), ranked',
    help: COMPARE_HELP,
    run: runCompare,
  },
  suggest: {
    summary: 'lower-carbon options: region, start time, hardware',
    help: SUGGEST_HELP,
    run: runSuggest,
  },
  batch: {
    summary: 'many workloads from CSV or JSON, results as CSV or JSON',
    help: BATCH_HELP,
    run: runBatchCommand,
  },
  focus: {
    summary: 'energy and CO2e of cloud bills in FOCUS format (.csv, .csv.gz, .parquet)',
    help: FOCUS_HELP,
    run: runFocusCommand,
  },
  factors: {
    summary: 'write the factor tables (CSV, Parquet) and footprint.sql for a warehouse',
    help: FACTORS_HELP,
    run: runFactorsCommand,
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const list = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: gridshift <command> [flags]

Carbon estimates for compute, offline, from the embedded tables (methodology ${METHODOLOGY_VERSION}).

Commands:
${list.join('\n')}

Run \`gridshift <command> --help\` for the flags of each.
`;
}

/** Runs one command line; resolves to the exit code. Problems go to stderr (or stdout with --json). */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-v')
    return (io.stdout(`${METHODOLOGY_VERSION}\n`), EXIT.ok);
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`gridshift: unknown command '${name}'\n\n${mainHelp()}`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (!(err instanceof GridshiftError)) throw err;
    if (rest.includes('--json')) io.stdout(`${JSON.stringify(problemBody(err), null, 2)}\n`);
    else io.stderr(renderProblem(err));
    return EXIT.badInput;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
