// A vitest reporter that prints, after the summary, one short line per failure (file, test or hook,
// first line of the error): CI shows only the tail of the output, and the default reporter lists
// failures above its summary, out of that tail.
import type { Reporter, SerializedError, TestModule, TestSuite } from 'vitest/node';

const MAX_LINES = 6;
const MAX_CHARS = 260;

function firstLine(error: SerializedError | undefined): string {
  const text = `${error?.name ?? 'Error'}: ${error?.message ?? ''}`.split('\n')[0]!;
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

/** Errors of a module or suite (hooks, collection) with where they were raised. */
function suiteFailures(entity: TestModule | TestSuite, file: string): string[] {
  const where = entity.type === 'module' ? file : `${file} > ${entity.fullName}`;
  return entity.errors().map((e) => `${where} (suite): ${firstLine(e)}`);
}

function moduleFailures(module: TestModule): string[] {
  const file = module.relativeModuleId;
  const lines = suiteFailures(module, file);
  for (const suite of module.children.allSuites()) lines.push(...suiteFailures(suite, file));
  for (const test of module.children.allTests('failed'))
    lines.push(`${file} > ${test.fullName}: ${firstLine(test.result().errors?.[0])}`);
  return lines;
}

export default class FailureDigest implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<SerializedError>,
  ): void {
    const lines = [
      ...modules.flatMap(moduleFailures),
      ...unhandled.map((e) => `unhandled: ${firstLine(e)}`),
    ];
    if (lines.length === 0) return;
    const shown = lines.slice(0, MAX_LINES);
    if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more`);
    process.stdout.write(
      `\nFailures (${lines.length}):\n${shown.map((l) => `  ${l}`).join('\n')}\n`,
    );
  }
}
