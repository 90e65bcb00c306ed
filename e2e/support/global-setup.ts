import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './browser.ts';
import { startPortal } from './start-portal.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    /** An editor account of that portal, for the journeys that connect and delete. */
    editorLogin: { username: string; password: string };
    /** An admin account of that portal, for the journeys of the settings (imports). */
    adminLogin: { username: string; password: string };
  }
}

/** Starts one real portal (or uses CYBERPORTAL_E2E_URL) with the demo collection for every journey; stops it at the end. */
export default async function setup(project: TestProject) {
  // CYBERPORTAL_E2E_URL runs the journeys against a portal already running with the demo collection.
  const existing = process.env.CYBERPORTAL_E2E_URL;
  if (existing) {
    project.provide('portalUrl', existing.replace(/\/$/, ''));
    // CYBERPORTAL_E2E_EDITOR="name:password" of an editor of that portal.
    const [username = '', password = ''] = (process.env.CYBERPORTAL_E2E_EDITOR ?? '').split(/:(.*)/s);
    project.provide('editorLogin', { username, password });
    const [adminName = '', adminPassword = ''] = (process.env.CYBERPORTAL_E2E_ADMIN ?? '').split(/:(.*)/s);
    project.provide('adminLogin', { username: adminName, password: adminPassword });
    return;
  }
  const portal = await startPortal();
  project.provide('portalUrl', portal.url);
  project.provide('editorLogin', portal.editor);
  project.provide('adminLogin', portal.admin);
  // One Chromium for every file (the workers are forked after this and inherit the address).
  const chromium = await launchChromiumServer();
  process.env.CYBERPORTAL_E2E_BROWSER_WS = chromium.wsEndpoint();
  return async () => {
    await chromium.close();
    await portal.stop();
  };
}
