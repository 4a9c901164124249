/** Every way core can refuse a workload. The API maps each code to an HTTP status in one table. */
export const ERROR_CODES = [
  'unknown_location',
  'unknown_instance',
  'unknown_gpu',
  'unknown_cpu',
  'no_grid_data',
  'missing_power',
  'missing_duration',
  'missing_throughput',
  'unknown_model',
  'empty_workload',
  'inconsistent_input',
  'unknown_preset',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal with the request path it concerns; `candidates` holds the closest known ids. */
export class EstimateError extends Error {
  readonly code: ErrorCode;
  readonly path: readonly (string | number)[];
  readonly candidates: readonly string[];

  constructor(
    code: ErrorCode,
    path: readonly (string | number)[],
    detail: string,
    candidates: readonly string[] = [],
  ) {
    super(detail);
    this.name = 'EstimateError';
    this.code = code;
    this.path = path;
    this.candidates = candidates;
  }
}

/** Runs `step`, re-throwing its EstimateError at the path `rePath` gives (prefixed, or replaced). */
export function rePathed<T>(
  step: () => T,
  rePath: (path: readonly (string | number)[]) => readonly (string | number)[],
): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof EstimateError)
      throw new EstimateError(err.code, rePath(err.path), err.message, err.candidates);
    throw err;
  }
}
