// `gridshift estimate`: one workload from flags or a JSON file -> table, JSON, CSV or BoAmps.
import { estimate, toBoamps, toCsv } from '../index.ts';
import { COMMON_OPTIONS, parseCommandArgs, usageError } from './args.ts';
import type { CliIo } from './io.ts';
import { renderEstimate } from './output.ts';
import { WORKLOAD_OPTIONS, workloadFlagsHelp, workloadFromFlags } from './workload-flags.ts';

export const ESTIMATE_HELP = `Usage: gridshift estimate [flags]

Energy (kWh) and emissions (kgCO2e) of one workload, with range, factors and sources.

Example:
  gridshift estimate --gpu h100-sxm --count 8 --hours 36 --region aws:us-east-1

Workload:
${workloadFlagsHelp()}

Output:
  --format, -f       table (default) | json | csv | boamps (BoAmps AI energy report)
  --json             same as --format json
  --output, -o       write to this file instead of standard output
  --help, -h         this help

Exit codes: 0 done, 2 bad input (the same messages as the API's problem+json), 1 other failure.
`;

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'boamps'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--json` or `--format`, checked against `allowed`. */
export function outputFormat(
  values: { json?: boolean | undefined; format?: string | undefined },
  allowed: readonly string[] = OUTPUT_FORMATS,
): OutputFormat {
  const format = values.json ? 'json' : (values.format ?? 'table');
  if (!allowed.includes(format))
    throw usageError(`--format must be one of ${allowed.join(', ')}, got '${format}'`);
  return format as OutputFormat;
}

export function runEstimate(argv: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    ...WORKLOAD_OPTIONS,
    output: { type: 'string', short: 'o' },
  });
  if (values.help) return (io.stdout(ESTIMATE_HELP), 0);
  const format = outputFormat(values);
  const workload = workloadFromFlags(values, io.readText);
  const result = estimate(workload);
  const text =
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : format === 'csv'
        ? toCsv([result])
        : format === 'boamps'
          ? `${JSON.stringify(toBoamps(workload, result), null, 2)}\n`
          : renderEstimate(result);
  if (typeof values.output === 'string') io.writeText(values.output, text);
  else io.stdout(text);
  return 0;
}
