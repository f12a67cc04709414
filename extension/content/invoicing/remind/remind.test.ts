// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanRecipients, gmailComposeUrl, mailtoUrl, outlookComposeUrl } from './composeLinks';
import { writeLetter } from './letter';

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
  const columns = [
    { header: 'Facture', cells: ['FA-12', 'FA-13', 'Total'], alignRight: false },
    { header: 'Montant dû', cells: ['1 000,00 €', '234,56 €', '1 234,56 €'], alignRight: true },
  ];
  const letter = {
    lang: 'fr' as const,
    layout: 'fr' as const,
    title: 'Mise en demeure de payer',
    printLabel: 'Imprimer',
    placeAndDate: 'Lyon, le 1er décembre 2026',
    sender: ['Atelier Dupont SARL', '12 rue des Lilas', '69002 Lyon'],
    recipient: {
      name: 'Boulangerie <img src=x onerror=alert(1)>',
      address: ['3 quai Perrache', '69002 Lyon'],
    },
    mention: 'Lettre recommandée avec accusé de réception',
    subject: 'Objet : Mise en demeure – factures FA-12 et FA-13',
    body: 'Madame, Monsieur,\n\nLes factures suivantes :\n\n[[relance:invoice-table]]:penalties\n\n<script>alert(1)</script>\n\nKarim Benali',
    table: { columns, withPenalties: columns, count: 2 },
    payment: {
      lines: ['IBAN : FR76 3000 6000 0112 3456 7890 189'],
      qr: [
        [true, false],
        [false, true],
      ],
      qrCaption: 'Scannez',
    },
    footer: ['Atelier Dupont SARL – SARL au capital de 10 000 €', 'SIREN/SIRET 123 456 789'],
  };

  it('lays out a French business letter once: sender, recipient, place and date, mention, subject, table, QR, footer', () => {
    const doc = document.implementation.createHTMLDocument('');
    writeLetter(doc, letter);
    expect(doc.title).toBe('Mise en demeure de payer · Boulangerie <img src=x onerror=alert(1)>');
    expect(doc.querySelector('img, script')).toBeNull();
    expect(doc.querySelector('.sender')?.textContent).toContain('Atelier Dupont SARL');
    expect(doc.querySelector('.recipient')?.textContent).toBe(
      'Boulangerie <img src=x onerror=alert(1)>\n3 quai Perrache\n69002 Lyon',
    );
    for (const part of ['.date', '.mention', '.subject', '.footer', 'table.invoices', '.payment svg']) {
      expect(doc.querySelectorAll(part)).toHaveLength(1);
    }
    expect(doc.querySelector('.date')?.textContent).toBe('Lyon, le 1er décembre 2026');
    const rows = [...doc.querySelectorAll('table.invoices tr')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Facture', 'Montant dû'],
      ['FA-12', '1 000,00 €'],
      ['FA-13', '234,56 €'],
      ['Total', '1 234,56 €'],
    ]);
    expect(doc.querySelector('table.invoices td.amount')).not.toBeNull();
    expect(doc.querySelector('.body')?.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('.payment path')?.getAttribute('d')).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
    expect(doc.querySelector('.toolbar button')?.textContent).toBe('Imprimer');
  });

  it('puts the recipient on the left in the English layout', () => {
    const doc = document.implementation.createHTMLDocument('');
    writeLetter(doc, { ...letter, lang: 'en', layout: 'en', mention: undefined });
    expect(doc.querySelector('.sheet')?.className).toBe('sheet layout-en');
    expect(doc.querySelector('.mention')).toBeNull();
  });
});
