// The OpenAPI document of an app, built once per table set: its examples are real answers, so it
// takes a moment. The app and its routes are passed in, so the docs route needs no import of app.ts.
import type { Hono } from 'hono';
import type { Tables } from '../core/tables.ts';
import { buildOpenApiDocument, type SendExample } from './openapi.ts';
import type { AppEnv, Route } from './route.ts';

export type DocumentFor = (tables: Tables) => Promise<Record<string, unknown>>;

/** Builds each table set's document at its first request; `plainApp` answers the examples. */
export function openApiDocuments(plainApp: (tables: Tables) => Hono<AppEnv>, routes: () => readonly Route[]): DocumentFor {
  const documents = new WeakMap<Tables, Promise<Record<string, unknown>>>();
  return (tables) => {
    let document = documents.get(tables);
    if (!document) {
      const app = plainApp(tables);
      const send: SendExample = (method, { path, body, raw, headers }) =>
        Promise.resolve(
          app.request(path, {
            method: method.toUpperCase(),
            headers: { ...(body !== undefined || raw ? { 'content-type': raw?.contentType ?? 'application/json' } : {}), ...headers },
            ...(body !== undefined ? { body: JSON.stringify(body) } : raw ? { body: raw.text } : {}),
          }),
        );
      document = buildOpenApiDocument(routes(), send);
      documents.set(tables, document);
      document.catch(() => documents.delete(tables));
    }
    return document;
  };
}
