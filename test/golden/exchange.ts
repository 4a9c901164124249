// One golden exchange over HTTP: the request as a client sends it, the answer as the test compares it.
import type { GoldenRequest } from './requests.ts';

export interface GoldenAnswer {
  readonly name: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Sends `r` to the server at `baseUrl` and reads back what a client would see. */
export async function exchange(baseUrl: string, r: GoldenRequest): Promise<GoldenAnswer> {
  const headers: Record<string, string> = {};
  if (r.accept) headers.accept = r.accept;
  let body: string | undefined;
  if (r.text) {
    headers['content-type'] = r.text.contentType;
    body = r.text.body;
  } else if (r.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(r.body);
  }
  const res = await fetch(baseUrl + r.path, {
    method: r.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return {
    name: r.name,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: await res.text(),
  };
}
