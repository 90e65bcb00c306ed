import type { FastifyRequest } from 'fastify';
import { viewerClass, viewerOf } from '../domain/visibility.ts';

/**
 * Answers of a BY_GENERATION route (api-validators.ts) kept in memory, keyed by the URL, the viewer class
 * and the write generation read before the work: any write moves the generation, so an answer is never
 * served after the data it was built from changed, and a popular profile read by a hundred readers is
 * built once per write. Least recently used answers go first beyond `size`.
 */
export function answerCache<T>(size = 256) {
  const answers = new Map<string, T>();
  return async (request: FastifyRequest, build: () => Promise<T>): Promise<T> => {
    if (request.generation === undefined) return build();
    const key = `${request.generation}|${viewerClass(viewerOf(request.actor))}|${request.url}`;
    const hit = answers.get(key);
    if (hit !== undefined) {
      answers.delete(key);
      answers.set(key, hit);
      return hit;
    }
    const answer = await build();
    answers.set(key, answer);
    if (answers.size > size) answers.delete(answers.keys().next().value as string);
    return answer;
  };
}
