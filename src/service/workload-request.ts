// A workload (or `{ preset, ...overrides }`) inside a request, as a validated Workload; refusals
// say where the workload sits in the body (`workload.gpu.count`).
import type { Tables } from '../core/tables.ts';
import type { Workload } from '../core/schemas.ts';
import type { WorkloadRequest } from '../core/decision-schemas.ts';
import { rePathed } from '../core/errors.ts';
import {
  parseWorkloadRequest,
  resolveWorkloadRequest,
  type ParsedWorkload,
  type PresetUse,
} from '../core/presets.ts';
import { describeIssues } from './issues.ts';
import { GridshiftError, invalidValues } from './problem.ts';

export interface WorkloadRead {
  readonly workload: Workload;
  readonly preset: PresetUse | null;
}

/** Validates and merges the workload found at `at` (`''` = the whole body); throws a 422 problem. */
export function readWorkload(request: unknown, tables: Tables, at = ''): WorkloadRead {
  return settle(() => parseWorkloadRequest(request, tables), at);
}

/** A whole body the route's WorkloadRequest schema has parsed: only a preset's merge is left to validate. */
export function readWorkloadRequest(request: WorkloadRequest, tables: Tables): WorkloadRead {
  return settle(() => resolveWorkloadRequest(request, tables), '');
}

function settle(parse: () => ParsedWorkload, at: string): WorkloadRead {
  const parsed = at === '' ? parse() : rePathed(parse, (path) => [at, ...path]);
  if (!parsed.ok) {
    const errors = describeIssues(parsed.issues, parsed.schema);
    throw new GridshiftError(
      invalidValues(
        at === ''
          ? errors
          : errors.map((e) => ({ ...e, path: e.path === '' ? at : `${at}.${e.path}` })),
      ),
    );
  }
  return parsed;
}
