// POST /v1/focus: a FOCUS billing export (CSV, gzip or not) streamed through -> its footprint
// summary as JSON, or one CSV line per billing row.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { focusGroupKeySchema, focusSummarySchema } from '../../service/focus/index.ts';
import { focusRowCsvChunks, openFocusStream } from '../../service/focus-stream.ts';
import { GridshiftError } from '../../service/problem.ts';
import { preferredMediaType } from '../accept.ts';
import { defineRoute, type AppEnv } from '../route.ts';
import { COMMON_RESPONSES, problemResponses, TOO_LARGE } from '../route-docs.ts';

export const FOCUS_PATH = '/v1/focus';

const GROUP_KEYS = focusGroupKeySchema.options;
const GROUP_LIST = new RegExp(`^(?:${GROUP_KEYS.join('|')})(?:,(?:${GROUP_KEYS.join('|')}))*$`);

export const FocusQuery = z
  .object({
    format: z.enum(['json', 'csv']).optional().openapi({
      description: '`csv` answers one line per billing row (as does `Accept: text/csv`).',
    }),
    groupBy: z
      .string()
      .regex(GROUP_LIST, `expected a comma-separated list of ${GROUP_KEYS.join(', ')}`)
      .optional()
      .openapi({
        description: `Groups in the summary, comma-separated (${GROUP_KEYS.join(', ')}); default service, region, month and subAccount, and tag with \`tagKey\`.`,
        example: 'service,region',
      }),
    tagKey: z.string().min(1).max(200).optional().openapi({
      description: 'A key of the `Tags` JSON object whose value groups rows (the `tag` group).',
      example: 'team',
    }),
    sameContinent: z.enum(['true', 'false']).optional().openapi({
      description: 'Moves only to regions on the same continent (default false).',
    }),
  })
  .strict();

/** Declared types read as a FOCUS CSV; gzip is recognised by its bytes whatever the type says. */
const BODY_TYPES = /^(?:text\/csv|application\/(?:x-)?gzip|application\/octet-stream)\s*(?:;|$)/i;

const EXAMPLE_CSV = [
  'Id,ProviderName,ChargeCategory,ChargeDescription,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,BilledCost,RegionId,ServiceName,SubAccountId',
  '121035,AWS,Usage,$0.34 per On Demand Linux c5.2xlarge Instance Hour,2024-09-18 22:00:00,1,Hours,0.34,us-east-1,Amazon Elastic Compute Cloud,111122223333',
  '121036,AWS,Usage,$0.08 per GB-month of General Purpose SSD (gp3) provisioned storage - US East (Northern Virginia),2024-09-01 00:00:00,100,GB-Mo,8.0,us-east-1,Amazon Elastic Compute Cloud,111122223333',
  '121037,AWS,Tax,Tax for product code AmazonEC2,2024-09-01 00:00:00,NULL,NULL,0.71,NULL,Amazon Elastic Compute Cloud,111122223333',
].join('\r\n');

export const focusRoute = defineRoute({
  config: createRoute({
    method: 'post',
    path: FOCUS_PATH,
    operationId: 'postV1Focus',
    summary: 'Footprint of a FOCUS billing export: energy and CO2e per row, service, region, month',
    description:
      "A FOCUS 1.0–1.2 export (AWS, Azure, Google Cloud, Oracle) as CSV, gzip or not (`Content-Encoding: gzip` or a gzip body), up to 100 MiB, read as a stream. Answers the summary (rows mapped and their share of cost, unmapped rows by reason, totals, groups, moves) or, with `?format=csv` or `Accept: text/csv`, one line per billing row: `Id, row, method, energyKwh, kgCo2e, kgCo2eLow, kgCo2eHigh, regionId, zone` (cells that would start a spreadsheet formula are prefixed with `'`). A file without the FOCUS columns is a 422 naming them; a malformed row is unmapped with its reason. A CSV answer ends early (the connection is cut) if the file turns out unreadable after it started.",
    tags: ['decide'],
    request: {
      query: FocusQuery,
      body: {
        required: true,
        content: {
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'A FOCUS export with its header row (UTF-8; gzip accepted). Columns read: ProviderName (or ServiceProviderName), ChargeCategory, ChargeDescription, ChargePeriodStart, ConsumedQuantity, ConsumedUnit, BilledCost, RegionId, ServiceName, SubAccountId; others are kept out of the way.',
            },
            example: EXAMPLE_CSV,
          },
          'application/gzip': {
            schema: {
              type: 'string',
              format: 'binary',
              description: 'The same CSV, gzip-compressed.',
            },
          },
        },
      },
    },
    responses: {
      200: {
        description:
          'The summary, or (CSV) one line per data row of the file, in order, `row` counting data rows from 1.',
        content: {
          'application/json': { schema: focusSummarySchema },
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'Id, row, method, energyKwh, kgCo2e, kgCo2eLow, kgCo2eHigh, regionId, zone',
            },
          },
        },
      },
      ...problemResponses(415, 422),
      ...TOO_LARGE,
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: FOCUS_PATH, raw: { contentType: 'text/csv', text: EXAMPLE_CSV } },
    '200 text/csv': {
      path: `${FOCUS_PATH}?format=csv`,
      raw: { contentType: 'text/csv', text: EXAMPLE_CSV },
    },
    415: { path: FOCUS_PATH, raw: { contentType: 'application/json', text: '{"rows": []}' } },
    422: {
      path: FOCUS_PATH,
      raw: { contentType: 'text/csv', text: 'location,durationHours\r\naws:us-east-1,36\r\n' },
    },
  },
  handler: async (c) => {
    const query = c.req.valid('query');
    checkBodyType(c);
    const groupBy = query.groupBy?.split(',') as (typeof GROUP_KEYS)[number][] | undefined;
    if (groupBy?.includes('tag') && query.tagKey === undefined)
      throw queryProblem('tagKey', 'expected tagKey with groupBy=tag (the Tags key to group by)');
    const limits = c.get('limits');
    const body = bodyChunks(c.req.raw.body, limits.focusBodyBytes);
    const stream = await openFocusStream(body, c.get('estimator'), {
      ...(groupBy ? { groupBy } : {}),
      ...(query.tagKey !== undefined ? { tagKey: query.tagKey } : {}),
      sameContinent: query.sameContinent === 'true',
      limits: { maxBytes: limits.focusBodyBytes, maxInflatedBytes: limits.focusInflatedBytes },
    });
    const csv =
      query.format === 'csv' ||
      (query.format === undefined &&
        preferredMediaType(c.req.header('accept'), ['application/json', 'text/csv']) ===
          'text/csv');
    // The answer's type depends on Accept (unless ?format= says), so caches must key on it.
    c.header('vary', 'Accept');
    if (csv)
      return c.body(textStream(focusRowCsvChunks(stream)), 200, {
        'content-type': 'text/csv; charset=utf-8',
      });
    for await (const batch of stream.results()) void batch;
    return c.json(stream.run.summary(), 200);
  },
});

function checkBodyType(c: Context<AppEnv>): void {
  const type = c.req.header('content-type') ?? '';
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!BODY_TYPES.test(type))
    throw mediaProblem(
      `expected content-type text/csv (or application/gzip), got '${type.slice(0, 60) || 'none'}'`,
    );
  if (!['identity', 'gzip', 'x-gzip'].includes(encoding))
    throw mediaProblem(`expected content-encoding gzip or none, got '${encoding.slice(0, 40)}'`);
}

function mediaProblem(message: string): GridshiftError {
  return new GridshiftError({
    code: 'unsupported_media_type',
    detail: `The body must be a FOCUS CSV export: ${message}.`,
    errors: [{ path: '', code: 'unsupported_media_type', message }],
  });
}

function queryProblem(path: string, message: string): GridshiftError {
  return new GridshiftError({
    code: 'validation_failed',
    detail: `The query has 1 invalid value(s): ${path}.`,
    errors: [{ path, code: 'invalid_value', message }],
  });
}

/**
 * The request body's chunks as they arrive (a reader loop: runs on every runtime). Stopped early by
 * a refusal, it reads and drops the rest (up to `drainBytes`), so a client still sending gets the
 * answer instead of a reset connection.
 */
async function* bodyChunks(
  body: ReadableStream<Uint8Array> | null,
  drainBytes: number,
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return void (finished = true);
      yield next.value;
    }
  } finally {
    if (!finished) await drain(reader, drainBytes).catch(() => undefined);
    reader.releaseLock();
  }
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, max: number): Promise<void> {
  let read = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    read += next.value.length;
    if (read > max) return void (await reader.cancel());
  }
}

/** Text chunks as a byte stream, produced as the client reads; a failure cuts the answer short. */
function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error('[gridshift] /v1/focus: CSV answer cut short:', (err as Error).message);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
