// Regenerates proto/gen/ from proto/centile/v1/*.proto with the loader
// options of proto/loader-options.ts. A test fails when the committed
// output drifts from what this script produces.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the generator into `outDir` (default proto/gen). */
export function generateProtoTypes(outDir = path.join(root, 'proto', 'gen')) {
  const bin = path.join(root, 'node_modules', '.bin', 'proto-loader-gen-types');
  execFileSync(
    bin,
    [
      '--keepCase',
      '--longs=String',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '--grpcLib=@grpc/grpc-js',
      '--importFileExtension=.js',
      '--outDir',
      outDir,
      'centile/v1/federation.proto',
    ],
    { cwd: path.join(root, 'proto'), stdio: 'inherit' },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generateProtoTypes(process.argv[2]);
