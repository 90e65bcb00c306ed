// Worker-thread entry for clearing large file texts off the HTTP thread (clear-text.ts).
import { register } from 'tsx/esm/api';

register();
await import('./clear-text-worker.ts');
