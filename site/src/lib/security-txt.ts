/**
 * /.well-known/security.txt (RFC 9116): where to report a vulnerability, and until when that holds.
 * From configuration: IKZ_SECURITY_CONTACT (mailto: or https: URLs, comma-separated) and
 * IKZ_SECURITY_TXT_DAYS (how long after the build the file expires; default 180, at most 365).
 */
export interface SecurityTxtOptions {
  contacts: string[];
  expires: Date;
  canonical: string;
  policy?: string | undefined;
}

export const DEFAULT_SECURITY_CONTACT = 'mailto:sicherheit@interkommunales.example';

export function securityTxtOptions(
  env: Record<string, string | undefined>,
  siteUrl: string,
  now: Date,
): SecurityTxtOptions {
  const contacts = (env.IKZ_SECURITY_CONTACT ?? DEFAULT_SECURITY_CONTACT)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const contact of contacts) {
    if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(contact))
      throw new Error(`IKZ_SECURITY_CONTACT: "${contact}" is neither a mailto: nor an https: URL.`);
  }
  const days = Number(env.IKZ_SECURITY_TXT_DAYS ?? 180);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new Error(
      `IKZ_SECURITY_TXT_DAYS must be a whole number of days between 1 and 365, not "${env.IKZ_SECURITY_TXT_DAYS}".`,
    );
  return {
    contacts,
    expires: new Date(now.getTime() + days * 86_400_000),
    canonical: new URL('/.well-known/security.txt', siteUrl).href,
    policy: env.IKZ_SECURITY_POLICY_URL,
  };
}

export function securityTxt(options: SecurityTxtOptions): string {
  const lines = [
    ...options.contacts.map((c) => `Contact: ${c}`),
    `Expires: ${options.expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    'Preferred-Languages: de, en',
    `Canonical: ${options.canonical}`,
    ...(options.policy ? [`Policy: ${options.policy}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
