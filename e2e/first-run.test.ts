import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, type ExtensionBrowser, launchBrowserWithExtension } from './lib';

/** The options page as a new person finds it in the built extension: the welcome, then the templates. */
let ext: ExtensionBrowser;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'relance-e2e-'));
  ext = await launchBrowserWithExtension({ userDataDir: profile });
});

afterAll(async () => {
  await ext?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('first run in the options page', () => {
  it('welcomes, leads « Seul(e) sur ce navigateur » to the profile, and remembers it', async () => {
    const page = await ext.browser.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.waitForSelector('[data-testid=welcome]');
    expect(await page.$eval('[data-testid=sync-status], .sync-status', (s) => s.textContent)).toContain(
      'ci-dessous',
    );
    await page.click('[data-welcome=alone]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=welcome]'));
    await page.waitForFunction(() => document.activeElement?.closest('#profile') !== null);
    await page.reload();
    await page.waitForSelector('[data-testid=reopen-welcome]');
    expect(await page.$('[data-testid=welcome]')).toBeNull();
    expect(await askBackground(ext.worker, { type: 'getSettings' })).toMatchObject({ welcome: 'alone' });
    await page.close();
  });

  it('shows template fields by name, inserts one, and stores the real syntax', async () => {
    const page = await ext.browser.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    const subject = await page.waitForSelector('input[name=templateSubject]');
    const body = await page.$eval('textarea[name=templateBody]', (t) => (t as HTMLTextAreaElement).value);
    expect(body).toContain('[Si une seule facture]');
    expect(body).not.toContain('{{');
    await subject!.click({ clickCount: 3 });
    await subject!.type('Rappel pour ');
    await page.click('[data-field=client]');
    expect(await page.$eval('input[name=templateSubject]', (i) => (i as HTMLInputElement).value)).toBe(
      'Rappel pour [Nom du client]',
    );
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=template-preview]')
        ?.textContent?.includes('Rappel pour Boulangerie Martin'),
    );
    const save = await page.$$('#templates button');
    for (const button of save) {
      if ((await button.evaluate((b) => b.textContent)) === 'Enregistrer') {
        await button.click();
        break;
      }
    }
    await page.waitForFunction(() =>
      document.querySelector('#templates')?.textContent?.includes('Modèle personnalisé'),
    );
    const settings = await askBackground(ext.worker, { type: 'getSettings' });
    expect(settings.team.templates.fr?.['reminder-1']?.subject).toBe('Rappel pour {{client}}');
    await page.close();
  });
});
