// What the API document says of each route beyond its request schemas: the success answer's schema,
// a description, and example requests — sent to the app itself, so every example is a real answer.
import { z } from 'zod';
import { EstimateResult } from '../core/schemas.ts';
import { BatchRequest, BatchResult, CompareResult, SuggestResult } from '../core/decision-schemas.ts';
import { BOAMPS_MEDIA_TYPE } from '../service/estimate-format.ts';
import { HardwareView, Health, ModelList, PresetList, RegionList, RegionView, SourceList, ZoneProfileView, ZoneView } from './openapi-views.ts';

export interface ExampleRequest {
  path: string;
  body?: unknown;
  /** A body sent as is (with its own content type), e.g. CSV or broken JSON. */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
}

export interface RouteDoc {
  description: string;
  /** The 200 answer: a JSON schema (zod), or other media types with their own schema. */
  ok: { description: string; schema: z.ZodType | null; mediaType?: string; also?: Record<string, { description: string; example: ExampleRequest }> };
  example: ExampleRequest;
  /** A body the route reads itself (no `request.body` schema), with other media types it takes. */
  body?: { schema: z.ZodType; also?: Record<string, { description: string; example: string }> };
  /** Statuses this route answers besides 200 (and 405/500, which every route may), with a request causing each. */
  errors: Partial<Record<400 | 404 | 413 | 415 | 422, ExampleRequest>>;
}

const JOB = { location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 }, cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 }, memoryGb: 2048 };
const BAD_JSON: ExampleRequest['raw'] = { contentType: 'application/json', text: '{"location": "aws:us-east-1",' };
const NOT_JSON: ExampleRequest['raw'] = { contentType: 'text/plain', text: 'location=aws:us-east-1' };

/** Errors every JSON-body route shares: malformed JSON, a body not declared as JSON. */
const bodyErrors = (path: string) => ({ 400: { path, raw: BAD_JSON }, 415: { path, raw: NOT_JSON } });

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'post /v1/estimate': {
    description: 'Energy (kWh) and emissions (kgCO2e) of one workload, split by component and kind, with a low–high range, every factor used (value, unit, source, year), the assumptions taken and the sources. Give `{ "preset": id, ...overrides }` to start from a preset. `?format=csv` or `Accept: text/csv` answers CSV; `?format=boamps` or `Accept: application/vnd.boamps+json` a BoAmps AI energy report. With a live grid provider configured on the server, the grid intensity can come from it (`source: live:<provider>`).',
    ok: {
      description: 'The estimate.',
      schema: EstimateResult,
      also: {
        'text/csv': { description: 'A header row and one result row (the first columns are those of /v1/batch CSV results).', example: { path: '/v1/estimate?format=csv', body: JOB } },
        [BOAMPS_MEDIA_TYPE]: { description: 'A BoAmps 1.1.0 report (Boavizta) declaring the estimate as such.', example: { path: '/v1/estimate?format=boamps', body: JOB } },
      },
    },
    example: { path: '/v1/estimate', body: JOB },
    errors: { ...bodyErrors('/v1/estimate'), 422: { path: '/v1/estimate', body: { ...JOB, gpu: { model: 'H100 SXM', count: -8 }, colour: 'green' } } },
  },
  'post /v1/compare': {
    description: 'The same workload over candidate regions (filters: provider, country, continent, ids) and optionally alternative GPUs, ranked by location- or market-based emissions, with the saving against a baseline.',
    ok: { description: 'The ranking.', schema: CompareResult },
    example: { path: '/v1/compare', body: { workload: JOB, regions: { provider: 'aws', continent: 'Europe' }, top: 3 } },
    errors: { ...bodyErrors('/v1/compare'), 422: { path: '/v1/compare', body: { workload: { ...JOB, location: 'aws:us-east-9' } } } },
  },
  'post /v1/suggest': {
    description: 'Lower-carbon options for one workload — another region, a later start (with `workload.start` and a flexibility), other hardware — each with its saving and the assumption it rests on, and the best combination.',
    ok: { description: 'The options.', schema: SuggestResult },
    example: { path: '/v1/suggest', body: { workload: { ...JOB, start: '2025-03-03T08:00:00Z' }, flexibility: { delayHours: 24 }, top: 2 } },
    errors: { ...bodyErrors('/v1/suggest'), 422: { path: '/v1/suggest', body: { workload: JOB, flexibility: { delayHours: 24, deadline: '2025-03-04T00:00:00Z' } } } },
  },
  'post /v1/batch': {
    description: 'Up to 10,000 workloads as JSON (`{ "workloads": [...] }`) or CSV (`content-type: text/csv`, one workload per row); one result or problem per item, in order. `Accept: text/csv` answers CSV.',
    ok: {
      description: 'One item per workload, in order: `{ ok: true, result, provenance }` or `{ ok: false, error }`. The assumptions, factors and sources a result rests on are listed once in `provenance` (items of the same workload shape share an entry); `{ ...result, ...provenance[item.provenance] }` is the whole estimate, as `/v1/estimate` answers it.',
      schema: BatchResult,
      also: { 'text/csv': { description: 'One row per workload: row, ok, error, then the figures.', example: { path: '/v1/batch', raw: { contentType: 'text/csv', text: 'location,durationHours,gpu,gpuCount\r\naws:us-east-1,36,H100 SXM,8\r\nnowhere,1,H100 SXM,1\r\n' }, headers: { accept: 'text/csv' } } } },
    },
    body: { schema: BatchRequest, also: { 'text/csv': { description: 'One workload per row; the header names the columns (location, durationHours, instance, instanceCount, gpu, gpuCount, gpuUtilization, cpu, cpuThreads, memoryGb, ...).', example: 'location,durationHours,gpu,gpuCount\r\naws:us-east-1,36,H100 SXM,8\r\nFR,10,,\r\n' } } },
    example: { path: '/v1/batch', body: { workloads: [JOB, { location: 'FR', durationHours: 10, cpu: { threads: 8 } }, { location: 'nowhere', durationHours: 1, cpu: { threads: 1 } }] } },
    errors: { ...bodyErrors('/v1/batch'), 422: { path: '/v1/batch', body: { jobs: [] } } },
  },
  'get /v1/regions': {
    description: 'AWS, GCP and Azure regions with their grid zone, PUE, water use and carbon-free energy share, filtered by provider and country, or searched by name.',
    ok: { description: 'Matching regions.', schema: RegionList },
    example: { path: '/v1/regions?provider=gcp&country=NL' },
    errors: { 422: { path: '/v1/regions?provider=ibm' } },
  },
  'get /v1/regions/:id': {
    description: "One region (`aws:eu-west-1`; the colon may be written `%3A`) with its grid zone's latest annual intensity.",
    ok: { description: 'The region.', schema: RegionView },
    example: { path: '/v1/regions/aws:eu-west-1' },
    errors: { 404: { path: '/v1/regions/aws:eu-west-9' } },
  },
  'get /v1/hardware': {
    description: 'GPUs and accelerators, CPUs and cloud instance types, searched by id, name or alias and paged.',
    ok: { description: 'One page per kind asked.', schema: HardwareView },
    example: { path: '/v1/hardware?kind=gpus&q=h100&limit=2' },
    errors: { 422: { path: '/v1/hardware?kind=tpus&limit=0' } },
  },
  'get /v1/zones/:id': {
    description: 'A grid zone or country (`DE`, `US-CAL-CISO`) with every annual intensity, primary and alternate, and their sources.',
    ok: { description: 'The zone.', schema: ZoneView },
    example: { path: '/v1/zones/IS' },
    errors: { 404: { path: '/v1/zones/ATLANTIS' } },
  },
  'get /v1/zones/:id/profile': {
    description: "A grid zone's typical day for each month (hourly data), and with `start` its hours from that start, as the time-shift search sees them.",
    ok: { description: 'The profile.', schema: ZoneProfileView },
    example: { path: '/v1/zones/DE/profile?start=2025-03-03T08:00:00Z&hours=6' },
    errors: { 404: { path: '/v1/zones/ATLANTIS/profile' }, 422: { path: '/v1/zones/DE/profile?hours=0' } },
  },
  'get /v1/models': {
    description: 'LLMs with inference energy references (`ai.model` in a workload), searched by name or alias.',
    ok: { description: 'Matching models.', schema: ModelList },
    example: { path: '/v1/models?q=llama-3.1-8b' },
    errors: { 422: { path: '/v1/models?q=' } },
  },
  'get /v1/presets': {
    description: 'Hand-written workloads with their assumptions and references, usable as `{ "preset": id }`.',
    ok: { description: 'Every preset.', schema: PresetList },
    example: { path: '/v1/presets' },
    errors: {},
  },
  'get /v1/presets/:id': {
    description: 'One preset.',
    ok: { description: 'The preset.', schema: PresetList.shape.presets.element },
    example: { path: '/v1/presets/llm-finetune-lora-8xh100' },
    errors: { 404: { path: '/v1/presets/llm-finetune' } },
  },
  'get /v1/sources': {
    description: 'Every dataset the tables come from: title, publisher, licence, year, url and attribution.',
    ok: { description: 'Every source.', schema: SourceList },
    example: { path: '/v1/sources' },
    errors: {},
  },
  'get /health': {
    description: 'Liveness, methodology version and the size of every table loaded.',
    ok: { description: 'Alive.', schema: Health },
    example: { path: '/health' },
    errors: {},
  },
  'get /openapi.json': {
    description: 'This document (OpenAPI 3.1), generated from the zod schemas of the routes; its examples are real answers of this server.',
    ok: { description: 'The document.', schema: null, mediaType: 'application/json' },
    example: { path: '/openapi.json' },
    errors: {},
  },
  'get /docs': {
    description: 'A page that renders this document: every route, its parameters, body, answers and examples. Served from the app, no outside assets.',
    ok: { description: 'The page.', schema: null, mediaType: 'text/html' },
    example: { path: '/docs' },
    errors: {},
  },
};
