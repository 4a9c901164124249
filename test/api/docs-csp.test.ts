// GET /docs: its Content-Security-Policy allows the page's own inline style and script by their
// SHA-256 hashes (worked out here from the served page), and no 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/describe-api.ts';
import { nodeTarget } from '../helpers/server.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describeApi('GET /docs CSP', [nodeTarget], (api) => {
  it("names the inline script and style by hash, without 'unsafe-inline'", async () => {
    const res = await api.get('/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`script-src ${hash(script)};`);
    expect(csp).toContain(`style-src ${hash(style)};`);
    expect(csp).toContain("default-src 'none'");
    expect(html.match(/<script|<style| style=/g)).toEqual(['<style', '<script']);
  });
});
