import type { TestProject } from 'vitest/node';
import { startPortal } from './start-portal.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
  }
}

/** Starts one real portal (or uses CYBERPORTAL_E2E_URL) with the demo collection for every journey; stops it at the end. */
export default async function setup(project: TestProject) {
  // CYBERPORTAL_E2E_URL runs the journeys against a portal already running with the demo collection.
  const existing = process.env.CYBERPORTAL_E2E_URL;
  if (existing) {
    project.provide('portalUrl', existing.replace(/\/$/, ''));
    return;
  }
  const portal = await startPortal();
  project.provide('portalUrl', portal.url);
  return async () => {
    await portal.stop();
  };
}
