// An outbox email as an .eml file (RFC 5322), built by nodemailer's MailComposer so the MIME
// encoding (headers, UTF-8, line lengths) is the library's, not hand-written.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboxEmail } from '../../../shared/notifications';
import type { AppSettings } from '../../../shared/settings';

export function messageOf(email: OutboxEmail, settings: Pick<AppSettings, 'smtpFrom' | 'operatorName'>) {
  return {
    from: settings.smtpFrom ? { name: settings.operatorName || 'Number Inventory', address: settings.smtpFrom } : undefined,
    to: email.recipient ?? undefined,
    subject: email.subject,
    text: email.body,
    date: new Date(email.sentAt ?? email.createdAt),
    ...(email.messageId ? { messageId: email.messageId } : {}),
  };
}

export async function emlOf(email: OutboxEmail, settings: Pick<AppSettings, 'smtpFrom' | 'operatorName'>): Promise<string> {
  const composer = new MailComposer(messageOf(email, settings));
  const buffer = await composer.compile().build();
  return buffer.toString('utf8');
}

/** A file name for the exported email. */
export function emlFileName(email: OutboxEmail): string {
  const number = /[+0-9]+/.exec(email.subject)?.[0] ?? 'email';
  return `outbox-${email.id}-${number.replace('+', '')}.eml`;
}
