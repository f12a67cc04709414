/**
 * Where a reviewed reminder can be sent from: a compose window prefilled with recipients, subject
 * and body. Nothing is sent by Relance itself; the person sends it.
 */
export interface Draft {
  recipients: string[];
  subject: string;
  body: string;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** Only plausible addresses go into links (a typed "Jean <j@x.fr>, " is cleaned to `j@x.fr`). */
export function cleanRecipients(text: string | string[]): string[] {
  const parts = Array.isArray(text) ? text : text.split(/[,;\s]+/);
  const found = parts
    .map((p) => p.trim().replace(/^.*</, '').replace(/>.*$/, ''))
    .filter((p) => EMAIL.test(p));
  return [...new Set(found)];
}

export function gmailComposeUrl(draft: Draft): string {
  const params = new URLSearchParams({
    view: 'cm',
    fs: '1',
    to: draft.recipients.join(','),
    su: draft.subject,
    body: draft.body,
  });
  return `https://mail.google.com/mail/?${params.toString()}`;
}

export function outlookComposeUrl(draft: Draft): string {
  const params = new URLSearchParams({
    to: draft.recipients.join(','),
    subject: draft.subject,
    body: draft.body,
  });
  return `https://outlook.office.com/mail/deeplink/compose?${params.toString()}`;
}

/** RFC 6068: percent-encoded, line breaks as CRLF, recipients in the path. */
export function mailtoUrl(draft: Draft): string {
  const encode = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  const to = draft.recipients.map((r) => encodeURIComponent(r).replace(/%40/g, '@')).join(',');
  return `mailto:${to}?subject=${encode(draft.subject)}&body=${encode(draft.body)}`;
}
