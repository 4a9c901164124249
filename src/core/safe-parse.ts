// zod's safeParse with the offending input in each issue (`reportInput`), so that refusals can say
// what was sent. Asking for it up front costs 2.5× on every valid input (zod then leaves its
// compiled fast path), so only a failing input is parsed a second time to get it.
import type { z } from 'zod';

export function safeParseReporting<S extends z.ZodType>(
  schema: S,
  data: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const quick = schema.safeParse(data);
  return quick.success ? quick : schema.safeParse(data, { reportInput: true });
}
