// Rate limiting for public deployments: one token bucket per client address, in memory, answering
// 429 problem+json with Retry-After. Off unless configured (AppOptions.rateLimit).
import type { Context, MiddlewareHandler } from 'hono';
import { problemJson } from './problem-response.ts';

/** Where a client's address is read: the TCP peer, or a header set by a proxy you trust. */
export const CLIENT_IP_SOURCES = ['socket', 'x-forwarded-for', 'cf-connecting-ip'] as const;
export type ClientIpSource = (typeof CLIENT_IP_SOURCES)[number];

export interface RateLimitOptions {
  /** Requests per window; also the largest burst. */
  limit: number;
  windowMs: number;
  /**
   * `x-forwarded-for` takes the last address of the header (the one your proxy appended);
   * `cf-connecting-ip` is set by Cloudflare. Use either only behind that proxy: clients can send both.
   */
  clientIp: ClientIpSource;
  /** The TCP peer's address, given by the runtime entry (src/node.ts); also the headers' fallback. */
  socketAddress?: (c: Context) => string | undefined;
  /** Buckets kept at most; the client seen least recently is forgotten first. Default 100,000. */
  maxClients?: number;
  /** Clock in milliseconds; tests pass their own. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per client: `limit` tokens, refilled at `limit` per `windowMs`; one per request. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limit, windowMs, maxClients = 100_000, now = Date.now } = options;
  if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0))
    throw new RangeError('rateLimit: expected limit ≥ 1 and windowMs > 0');
  const perMs = limit / windowMs;
  // Insertion order is recency order: a touched bucket is moved to the end.
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const key = clientKey(options, c);
    const t = now();
    const seen = buckets.get(key);
    const bucket = seen
      ? { tokens: Math.min(limit, seen.tokens + (t - seen.at) * perMs), at: t }
      : { tokens: limit, at: t };
    buckets.delete(key);
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      return tooManyRequests(options, Math.ceil((1 - bucket.tokens) / perMs / 1000), c.req.path);
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    await next();
  };
}

function clientKey(options: RateLimitOptions, c: Context): string {
  const header = options.clientIp === 'socket' ? undefined : c.req.header(options.clientIp);
  const fromHeader = header?.split(',').at(-1)?.trim();
  const address = fromHeader || options.socketAddress?.(c) || 'unknown';
  return addressKey(address);
}

/**
 * IPv4 as is; IPv6 by its /64 prefix, the block one subscriber usually holds (an IPv4-mapped address
 * counts as IPv4). Anything unparseable is its own key.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [
          ...left,
          ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'),
          ...right,
        ];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function tooManyRequests(
  options: RateLimitOptions,
  retryAfterS: number,
  instance: string,
): Response {
  const rule = `${options.limit} requests per ${describeWindow(options.windowMs)}`;
  return problemJson(
    {
      type: 'https://gridshift.dev/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: `This server answers at most ${rule} from one client; retry after ${retryAfterS} s.`,
      instance,
      errors: [{ path: '', code: 'rate_limited', message: `expected at most ${rule}` }],
    },
    { 'retry-after': String(retryAfterS) },
  );
}

function describeWindow(ms: number): string {
  if (ms === 1000) return 'second';
  if (ms === 60_000) return 'minute';
  if (ms === 3_600_000) return 'hour';
  return `${ms / 1000} s`;
}
