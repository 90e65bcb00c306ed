import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchChromium, screenshot, VIEWPORTS } from './support/browser.ts';

async function signIn(page: Page, url: string, login: { username: string; password: string }, next: string) {
  await page.goto(`${url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(login.username);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === `/en${next}`);
}

/** The CSRF token of the page's session, for the few writes a journey makes through the API. */
const csrfOf = async (page: Page, url: string) =>
  ((await (await page.request.get(`${url}/api/v1/session`)).json()) as { csrfToken: string }).csrfToken;

/**
 * An admin names the site (header, footer, tab title follow), disables an account (its sign-in is refused,
 * in the reader's words), enables it again, and gives it a one-time reset link through which its owner sets
 * a new password and signs in; the link then no longer works. The activity log, filtered by a shared URL,
 * shows what happened. At desktop width and on a phone.
 */
describe('accounts and site settings', () => {
  let browser: Browser;
  const url = inject('portalUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS))
    it(`names the site, disables an account and resets a password through the link (${name})`, async () => {
      const stamp = `${name}-${Date.now()}`;
      const page = await browser.newPage({ viewport });
      await signIn(page, url, inject('adminLogin'), '/admin/site');
      const csrf = await csrfOf(page, url);

      // The site's name, contact and footer.
      const site = page.getByRole('region', { name: 'Site' });
      await site.getByLabel('Site name').waitFor();
      const before = (await (await page.request.get(`${url}/api/v1/site`)).json()) as Record<string, string>;
      await site.getByLabel('Site name').fill(`Cyber Norms Observatory ${stamp}`);
      await site.getByLabel('Contact address (e-mail)').fill('not an address');
      await site.getByRole('button', { name: 'Save the site settings' }).click();
      await expect
        .poll(() => site.getByLabel('Contact address (e-mail)').getAttribute('aria-invalid'))
        .toBe('true');
      await site.getByLabel('Contact address (e-mail)').fill('secretariat@example.org');
      await site.getByLabel('Footer text').fill(`Maintained by the secretariat (${stamp}).`);
      await site.getByRole('button', { name: 'Save the site settings' }).click();
      await expect.poll(() => site.getByRole('status').textContent()).toBe('Saved.');
      expect(await page.locator('.layout__brand').textContent()).toContain(
        `Cyber Norms Observatory ${stamp}`,
      );
      await expect.poll(() => page.title()).toBe(`Site · Cyber Norms Observatory ${stamp}`);
      const footer = page.getByRole('contentinfo');
      expect(await footer.textContent()).toContain(`Maintained by the secretariat (${stamp}).`);
      expect(await footer.getByRole('link', { name: 'secretariat@example.org' }).getAttribute('href')).toBe(
        'mailto:secretariat@example.org',
      );
      await expectAccessible(page, `settings-site-${name}`);
      await screenshot(page, `settings-site-${name}`);
      // Back as it was, for the other journeys.
      const restored = await page.request.put(`${url}/api/v1/site`, {
        headers: { 'x-csrf-token': csrf },
        data: before,
      });
      expect(restored.status()).toBe(200);

      // An account to disable and reset.
      const user = { username: `analyst-${stamp}`, password: `first password ${stamp}` };
      const made = await page.request.post(`${url}/api/v1/users`, {
        headers: { 'x-csrf-token': csrf },
        data: { ...user, role: 'collaborator' },
      });
      expect(made.status(), await made.text()).toBe(201);
      const other = await browser.newPage({ viewport });
      await signIn(other, url, user, '/browse');

      await page.goto(`${url}/en/admin/accounts`);
      const row = page.getByRole('row', { name: new RegExp(user.username) });
      await row.waitFor();
      await row.getByRole('button', { name: `Disable ${user.username}` }).click();
      await expect
        .poll(() => page.locator('.settings__ok').first().textContent())
        .toBe(`${user.username} is disabled: signed out and unable to sign in.`);
      await expect.poll(() => row.textContent()).toContain('Disabled');
      await expectAccessible(page, `settings-accounts-disabled-${name}`);
      await screenshot(page, `settings-accounts-disabled-${name}`);
      // Its open session ended, and signing in again is refused in words.
      expect(
        ((await (await other.request.get(`${url}/api/v1/session`)).json()) as { user: unknown }).user,
      ).toBeNull();
      await other.goto(`${url}/en/signin`);
      await other.getByLabel('Username').fill(user.username);
      await other.getByLabel('Password').fill(user.password);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(() => other.getByRole('alert').textContent())
        .toBe('This account is disabled. Ask an administrator to enable it.');
      await screenshot(other, `signin-disabled-${name}`);

      // Enabled again, then a reset link, shown once.
      await row.getByRole('button', { name: `Enable ${user.username}` }).click();
      await expect.poll(() => row.textContent()).not.toContain('Disabled');
      await row.getByRole('button', { name: `Make a password-reset link for ${user.username}` }).click();
      const panel = page.getByRole('region', { name: `Password-reset link for ${user.username}` });
      const link = await panel.getByLabel('Link').inputValue();
      expect(link).toMatch(new RegExp(`^${url}/en/reset-password#[A-Za-z0-9_-]{43}$`));
      await expectAccessible(page, `settings-accounts-reset-link-${name}`);
      await screenshot(page, `settings-accounts-reset-link-${name}`);

      await other.goto(link);
      const form = other.locator('.signin');
      await expect.poll(() => form.textContent()).toContain(`a new password for ${user.username}`);
      expect(new URL(other.url()).hash).toBe(''); // the token left the address bar
      await other.getByLabel('New password (at least 10 characters)').fill(`second password ${stamp}`);
      await other.getByLabel('The new password again').fill(`second password ${stamp}!`);
      await other.getByRole('button', { name: 'Set the password' }).click();
      await expect.poll(() => other.getByRole('alert').textContent()).toBe('The two passwords differ.');
      await expectAccessible(other, `reset-password-${name}`);
      await screenshot(other, `reset-password-${name}`);
      await other.getByLabel('The new password again').fill(`second password ${stamp}`);
      await other.getByRole('button', { name: 'Set the password' }).click();
      await expect
        .poll(() => other.locator('.signin [role="status"]').textContent())
        .toBe(`The password of ${user.username} is set. Sign in with it now.`);
      await other.getByRole('link', { name: 'Sign in' }).last().click();
      await other.getByLabel('Username').fill(user.username);
      await other.getByLabel('Password').fill(`second password ${stamp}`);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.waitForURL((u) => u.pathname === '/en' || u.pathname === '/en/');
      // Used once: the link is dead now.
      await other.goto(link);
      await expect.poll(() => other.getByRole('alert').textContent()).toContain('This link does not work');
      await other.close();

      // The log, filtered by a URL one can share.
      await page.goto(`${url}/en/admin/activity?action=disable&q=${encodeURIComponent(user.username)}`);
      const entry = page.locator('.settings__entry', { hasText: user.username });
      await expect.poll(() => entry.count()).toBe(1);
      expect(await page.getByLabel('Action').inputValue()).toBe('disable');
      await expectAccessible(page, `settings-activity-filtered-${name}`);
      await screenshot(page, `settings-activity-filtered-${name}`);

      if (name === 'desktop') {
        await page.goto(`${url}/ar/admin/accounts`);
        await page.getByRole('row', { name: new RegExp(user.username) }).waitFor();
        await expectAccessible(page, 'ar-settings-accounts-desktop');
        await screenshot(page, 'ar-settings-accounts-desktop');
      }
      await page.request.delete(`${url}/api/v1/users/${(await made.json()).id}`, {
        headers: { 'x-csrf-token': csrf },
      });
      await page.close();
    }, 300_000);
});
