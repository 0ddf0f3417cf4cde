/**
 * Encodes nested parameters the way Strapi's REST API (qs) reads them:
 * { populate: { topics: { fields: ['name'] } } } → populate[topics][fields][0]=name
 */
export type QueryValue =
  string | number | boolean | null | undefined | readonly QueryValue[] | { readonly [key: string]: QueryValue };

export function toQueryString(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (value === null) {
      parts.push(`${encodeKey(prefix)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, inner);
    } else {
      parts.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
    }
  };
  walk('', params as QueryValue);
  return parts.join('&');
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}
