// Deployment settings from environment variables, as createApp options. The entries (src/node.ts,
// src/worker.ts) pass their environment in; nothing here reads it.
import { DEFAULT_TIMEOUT_MS, type Limits } from './limits.ts';
import { CLIENT_IP_SOURCES, type ClientIpSource, type RateLimitOptions } from './rate-limit.ts';
import type { CorsOptions } from './security.ts';

export interface SecurityConfig {
  limits: Partial<Limits>;
  /** Absent = no rate limit. */
  rateLimit?: RateLimitOptions;
  cors: CorsOptions | false;
}

/** The variables read; every one is optional. */
export interface SecurityEnv {
  GRIDSHIFT_RATE_LIMIT?: string | undefined;
  GRIDSHIFT_CLIENT_IP?: string | undefined;
  GRIDSHIFT_CORS_ORIGINS?: string | undefined;
  GRIDSHIFT_TIMEOUT_MS?: string | undefined;
}

const WINDOWS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/**
 * - `GRIDSHIFT_RATE_LIMIT`: `60/min` (also `/s`, `/hour`), or `off` (default).
 * - `GRIDSHIFT_CLIENT_IP`: `socket`, `x-forwarded-for` or `cf-connecting-ip`; default `clientIp`.
 * - `GRIDSHIFT_CORS_ORIGINS`: `*` (default), `off`, or origins separated by commas.
 * - `GRIDSHIFT_TIMEOUT_MS`: time budget of one request; default 10000.
 * A malformed value throws, so a deployment fails at start rather than running unprotected.
 */
export function securityConfigFromEnv(
  env: SecurityEnv,
  defaults: { clientIp: ClientIpSource },
): SecurityConfig {
  const read = (name: keyof SecurityEnv) => {
    const value: unknown = env[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const clientIp = read('GRIDSHIFT_CLIENT_IP') ?? defaults.clientIp;
  if (!(CLIENT_IP_SOURCES as readonly string[]).includes(clientIp)) {
    throw new Error(
      `GRIDSHIFT_CLIENT_IP: expected one of ${CLIENT_IP_SOURCES.join(', ')}, got '${clientIp}'`,
    );
  }
  const rate = parseRate(read('GRIDSHIFT_RATE_LIMIT'));
  const timeout = read('GRIDSHIFT_TIMEOUT_MS');
  const timeoutMs = timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw new Error(
      `GRIDSHIFT_TIMEOUT_MS: expected a whole number of milliseconds ≥ 1, got '${timeout}'`,
    );
  return {
    limits: { timeoutMs },
    ...(rate ? { rateLimit: { ...rate, clientIp: clientIp as ClientIpSource } } : {}),
    cors: parseOrigins(read('GRIDSHIFT_CORS_ORIGINS')),
  };
}

function parseRate(text: string | undefined): { limit: number; windowMs: number } | undefined {
  if (text === undefined || text.toLowerCase() === 'off') return undefined;
  const match = /^(\d+)\s*\/\s*([a-z]+)$/i.exec(text);
  const unit = match?.[2]?.toLowerCase() ?? '';
  const windowMs = Object.hasOwn(WINDOWS, unit) ? WINDOWS[unit] : undefined;
  const limit = match ? Number(match[1]) : 0;
  if (windowMs === undefined || limit < 1)
    throw new Error(
      `GRIDSHIFT_RATE_LIMIT: expected e.g. 60/min, 10/s or 1000/hour, or off; got '${text}'`,
    );
  return { limit, windowMs };
}

function parseOrigins(text: string | undefined): CorsOptions | false {
  if (text === undefined || text === '*') return { origins: '*' };
  if (text.toLowerCase() === 'off') return false;
  const origins = text
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(
        `GRIDSHIFT_CORS_ORIGINS: expected *, off, or origins like https://example.org; got '${origin}'`,
      );
  }
  return { origins };
}
