/** A tiny browser-like HTTP client for integration tests: keeps cookies, reads CSRF tokens from forms. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  /** `headers` go with every request (e.g. the X-Forwarded-For a load balancer would add for this client). */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(
    method: 'GET' | 'POST',
    pathOrUrl: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; body: string; headers: Headers }> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      body: await response.text(),
      headers: response.headers,
    };
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /**
   * GETs the page that holds the form, then POSTs it as multipart/form-data with one file, and with that page's CSRF
   * token unless `withToken` is false.
   */
  async upload(
    formPage: string,
    action: string,
    file: { field?: string; name: string; content: string | Buffer },
    fields: Record<string, string> = {},
    withToken = true,
  ): Promise<{ status: number; location: string | null; body: string }> {
    const page = await this.get(formPage);
    const form = new FormData();
    if (withToken) form.append('_csrf', csrfToken(page.body));
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(file.field ?? 'file', new Blob([file.content]), file.name);
    const url = action.startsWith('http') ? action : `${this.baseUrl}${action}`;
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...this.headers, cookie: this.cookieHeader() },
      body: form,
    });
    return { status: response.status, location: response.headers.get('location'), body: await response.text() };
  }

  /** GETs the page that holds the form, then POSTs the form with that page's CSRF token. */
  async submit(formPage: string, action: string, fields: Record<string, string> = {}) {
    const page = await this.get(formPage);
    return this.request('POST', action, { _csrf: csrfToken(page.body), ...fields });
  }

  async login(email: string, password: string): Promise<void> {
    const result = await this.submit('/login', '/login', { email, password, next: '/' });
    if (result.status !== 302) throw new Error(`login failed for ${email}: ${result.status}`);
  }
}

export function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in page');
  return match[1]!;
}

export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
