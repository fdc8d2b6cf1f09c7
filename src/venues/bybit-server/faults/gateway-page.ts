// What Bybit's gateway answers when the service behind it fails: an HTML page, not the JSON envelope.

/** The 5xx statuses a serverError fault answers with. */
export const GATEWAY_STATUSES = [500, 502, 503, 504] as const;
export type GatewayStatus = (typeof GATEWAY_STATUSES)[number];

const TITLES: Readonly<Record<GatewayStatus, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The nginx-style error page a reverse proxy sends: a client that parses it as JSON fails, as it does against Bybit. */
export function gatewayPage(status: GatewayStatus): string {
  const title = `${status} ${TITLES[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
