// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanRecipients, gmailComposeUrl, mailtoUrl, outlookComposeUrl } from './composeLinks';
import { makeLetter, writeLetter } from './letter';

const draft = {
  recipients: ['compta@dupont.fr', 'jean@dupont.fr'],
  subject: 'Rappel : facture FA-12 & FA-13',
  body: 'Bonjour,\n\nMontant dû : 1 234,56 €\n\nCordialement',
};

describe('compose links', () => {
  it('Gmail: the compose view with recipients, subject and body', () => {
    const url = new URL(gmailComposeUrl(draft));
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cm',
      fs: '1',
      to: 'compta@dupont.fr,jean@dupont.fr',
      su: draft.subject,
      body: draft.body,
    });
  });

  it('Outlook on the web: the compose deeplink', () => {
    const url = new URL(outlookComposeUrl(draft));
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/mail/deeplink/compose');
    expect(url.searchParams.get('to')).toBe('compta@dupont.fr,jean@dupont.fr');
    expect(url.searchParams.get('subject')).toBe(draft.subject);
    expect(url.searchParams.get('body')).toBe(draft.body);
  });

  it('mailto: percent-encoded, CRLF line breaks (RFC 6068)', () => {
    const url = mailtoUrl(draft);
    expect(
      url.startsWith(
        'mailto:compta@dupont.fr,jean@dupont.fr?subject=Rappel%20%3A%20facture%20FA-12%20%26%20FA-13&body=',
      ),
    ).toBe(true);
    expect(url).toContain('Bonjour%2C%0D%0A%0D%0AMontant');
    expect(decodeURIComponent(url.split('&body=')[1]!)).toBe(draft.body.replace(/\n/g, '\r\n'));
  });

  it('keeps only plausible addresses from what the user typed', () => {
    expect(
      cleanRecipients('Jean <jean@dupont.fr>, compta@dupont.fr; pas-une-adresse, jean@dupont.fr'),
    ).toEqual(['jean@dupont.fr', 'compta@dupont.fr']);
    expect(cleanRecipients('')).toEqual([]);
  });
});

describe('printable letter', () => {
  it('is written as text: typed or scraped markup stays text', () => {
    const doc = document.implementation.createHTMLDocument('');
    writeLetter(
      doc,
      makeLetter({
        lang: 'fr',
        title: 'Mise en demeure de payer',
        mention: 'Lettre recommandée avec accusé de réception',
        recipient: 'Boulangerie <img src=x onerror=alert(1)>',
        today: '2026-03-12',
        subject: 'Mise en demeure – facture FA-12',
        body: 'Madame, Monsieur,\n<script>alert(1)</script>\nCordialement',
        printLabel: 'Imprimer',
      }),
    );
    expect(doc.title).toBe('Mise en demeure de payer · Boulangerie <img src=x onerror=alert(1)>');
    expect(doc.querySelector('img, script')).toBeNull();
    expect(doc.querySelector('.mention')?.textContent).toBe('Lettre recommandée avec accusé de réception');
    expect(doc.querySelector('.date')?.textContent).toBe('12 mars 2026');
    expect(doc.querySelector('.body')?.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('.toolbar button')?.textContent).toBe('Imprimer');
  });
});
