// Worker-process entry: registers tsx so the TypeScript worker loads in a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
