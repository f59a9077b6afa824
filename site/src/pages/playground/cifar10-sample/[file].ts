// The real CIFAR-10 sample (@residual/cifar10-sample) for the playground's Train button: the
// training batch, served from the site itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cifar10SampleFiles } from '@residual/cifar10-sample';

export function getStaticPaths() {
  return [{ params: { file: cifar10SampleFiles.train } }];
}

export function GET({ params }: { params: { file: string } }): Response {
  // Resolved from the site folder at build time (the package's own `cifar10SampleDir` would point
  // into the bundled server code).
  const packageDir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('@residual/cifar10-sample/package.json'));
  return new Response(readFileSync(join(packageDir, 'data', params.file)), { headers: { 'content-type': 'application/octet-stream' } });
}
