import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the writers' one file (e2e/support/writers-in-turn.ts) first when the suite runs readers and writers
 * side by side: it is the longest single file (all the writers, ~6 minutes), and Vitest would run it last
 * (it orders projects by name, and files it has no timings for by size). Readers then fill the other
 * workers, longest first.
 */
export default class WritersFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isQueue = (f: TestSpecification) => f.moduleId.endsWith('/writers-in-turn.ts');
    return [...sorted.filter(isQueue), ...sorted.filter((f) => !isQueue(f))];
  }
}
