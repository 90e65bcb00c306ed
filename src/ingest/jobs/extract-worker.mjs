// Worker-thread entry: registers tsx so the TypeScript worker can load in a checkout without a build.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
