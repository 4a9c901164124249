// One HTTP suite, many runtimes: each target is started in beforeAll and closed in afterAll.
import { afterAll, beforeAll, describe } from 'vitest';

export interface ApiTarget {
  name: string;
  start(): Promise<{ url: string; close(): Promise<void> }>;
}

export interface Api {
  /** Base URL of the running target, without a trailing slash (valid inside tests only). */
  readonly baseUrl: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  get(path: string): Promise<Response>;
  /** POSTs `body` serialised as JSON with `content-type: application/json`. */
  postJson(path: string, body: unknown): Promise<Response>;
}

/** Declares `suite` once per target; the suite only ever talks HTTP through `api`. */
export function describeApi(
  title: string,
  targets: readonly ApiTarget[],
  suite: (api: Api) => void,
): void {
  for (const target of targets) {
    describe(`${title} [${target.name}]`, () => {
      let running: { url: string; close(): Promise<void> } | undefined;
      beforeAll(async () => {
        running = await target.start();
      });
      afterAll(async () => {
        await running?.close();
      });
      const api: Api = {
        get baseUrl() {
          if (!running) throw new Error(`target ${target.name} is not running`);
          return running.url;
        },
        fetch: (path, init) => fetch(api.baseUrl + path, init),
        get: (path) => api.fetch(path),
        postJson: (path, body) =>
          api.fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
      };
      suite(api);
    });
  }
}
