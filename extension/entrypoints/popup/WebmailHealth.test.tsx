// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { uiTranslator } from '@/lib/i18n/words';
import type { WebmailHealthReport } from '@/lib/messages';
import { click, inProcessBackground, mount, text, waitFor } from '../../test/ui';
import { healthReportText, WebmailHealth } from './WebmailHealth';

const REPORT: WebmailHealthReport = {
  webmail: 'outlook',
  problems: ['send'],
  structure: 'div[class,role]\n div[contenteditable,aria-multiline]\n button[type,class]',
};

describe('webmail health in the popup', () => {
  it('says what Relance no longer recognises, counts repeats and copies a names-only report', async () => {
    const bg = inProcessBackground();
    await bg.send({ type: 'reportWebmailHealth', report: REPORT });
    await bg.send({ type: 'reportWebmailHealth', report: REPORT });
    await bg.send({ type: 'reportWebmailHealth', report: { ...REPORT, problems: ['send', 'recipients'] } });
    const { entries } = await bg.send({ type: 'getWebmailHealth' });
    expect(entries.map((e) => [e.id, e.count])).toEqual(
      expect.arrayContaining([
        ['outlook:send', 2],
        ['outlook:recipients+send', 1],
      ]),
    );

    const fr = mount(<WebmailHealth t={uiTranslator('fr')} send={bg.send} />);
    await waitFor(() => fr.querySelector('[data-testid=webmail-health]'));
    expect(text(fr)).toContain('Relance ne reconnaît plus le bouton Envoyer sur Outlook.');
    expect(text(fr)).toContain(
      'Relance ne reconnaît plus les destinataires ni le bouton Envoyer sur Outlook.',
    );
    expect(fr.querySelector('textarea')!.value).toContain('button[type,class]');

    const en = mount(<WebmailHealth t={uiTranslator('en')} send={bg.send} />);
    await waitFor(() => en.querySelector('[data-testid=webmail-health]'));
    expect(text(en)).toContain('Relance no longer recognises the Send button on Outlook.');
    await click(en.querySelector('[data-relance-action=clear-health]'));
    await waitFor(() => !en.querySelector('[data-testid=webmail-health]'));
    expect((await bg.send({ type: 'getWebmailHealth' })).entries).toEqual([]);
  });

  it('refuses a report carrying page text or values, or an unknown webmail', async () => {
    const bg = inProcessBackground();
    for (const report of [
      { ...REPORT, structure: 'div[title="Pharmacie du Centre <compta@pharmacie-centre.fr>"]' },
      { ...REPORT, structure: 'Bonjour, voici la facture !' },
      { ...REPORT, webmail: 'yahoo' },
      { ...REPORT, problems: [] },
    ]) {
      await expect(
        bg.send({ type: 'reportWebmailHealth', report: report as WebmailHealthReport }),
      ).rejects.toMatchObject({ code: 'invalid-report' });
    }
    expect((await bg.send({ type: 'getWebmailHealth' })).entries).toEqual([]);
    expect(
      healthReportText({ ...REPORT, id: 'outlook:send', count: 1, firstAt: 'a', lastAt: 'b' }),
    ).toContain('missing: send');
  });

  it('remembers the addresses whose "belongs to…" line was dismissed', async () => {
    const bg = inProcessBackground();
    expect((await bg.send({ type: 'getDismissedAddresses' })).dismissed).toEqual([]);
    await bg.send({ type: 'dismissAddressPrompt', email: ' Inconnu@Exemple.fr ' });
    await bg.send({ type: 'dismissAddressPrompt', email: 'inconnu@exemple.fr' });
    expect((await bg.send({ type: 'getDismissedAddresses' })).dismissed).toEqual(['inconnu@exemple.fr']);
    await expect(bg.send({ type: 'dismissAddressPrompt', email: 'not an address' })).rejects.toMatchObject({
      code: 'invalid-email',
    });
  });
});
