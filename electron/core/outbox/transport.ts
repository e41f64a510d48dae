// The SMTP transport for the settings in force, built by nodemailer.
import nodemailer from 'nodemailer';
import type { AppSettings } from '../../../shared/settings';

export interface MailSender {
  send(message: {
    from: string | { name: string; address: string };
    to: string;
    subject: string;
    text: string;
    date: Date;
  }): Promise<{ messageId: string | null }>;
  close?(): void;
}

export function smtpSender(settings: AppSettings): MailSender {
  const transport = nodemailer.createTransport({
    host: settings.smtpHost,
    port: settings.smtpPort,
    secure: settings.smtpSecurity === 'tls',
    requireTLS: settings.smtpSecurity === 'starttls',
    ignoreTLS: settings.smtpSecurity === 'none',
    ...(settings.smtpUser ? { auth: { user: settings.smtpUser, pass: settings.smtpPassword } } : {}),
    // Fail an attempt in reasonable time when offline rather than hanging the delivery round.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transport.close(),
  };
}
