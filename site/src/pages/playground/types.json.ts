// The playground's declaration files (`@residual/core`'s own .d.ts and what they import), fetched by
// its compiler worker, and only by it.
import { playgroundTypes } from '../../lib/playground-types.js';

export function GET(): Response {
  return new Response(JSON.stringify(playgroundTypes(process.cwd())), { headers: { 'content-type': 'application/json' } });
}
