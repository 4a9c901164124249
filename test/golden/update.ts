// `npm run golden:update`: answers every golden request on the Node server and rewrites answers.json.
// Run it only on purpose, when an answer is meant to change; the diff is the review.
import { estimatorFor } from '../helpers/estimator.ts';
import { writeFileSync } from 'node:fs';
import { startServer } from '../../src/node/server.ts';
import { tables } from '../../src/data/index.ts';
import { goldenRequests } from './requests.ts';
import { exchange } from './exchange.ts';

const server = await startServer({
  port: 0,
  hostname: '127.0.0.1',
  estimator: estimatorFor(tables),
});
try {
  const answers = [];
  for (const r of goldenRequests) answers.push(await exchange(server.url, r));
  writeFileSync(
    new URL('./answers.json', import.meta.url),
    `${JSON.stringify(answers, null, 1)}\n`,
  );
  console.log(`test/golden/answers.json: ${answers.length} answers`);
} finally {
  await server.close();
}
