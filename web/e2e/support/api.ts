import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import { authFile, baseURL, type RoleName } from './env';

/** Thin JSON client over the same API as the UI, logged in as one demo role. */
export class Api {
  private constructor(private readonly context: APIRequestContext, private readonly csrf: string) {}

  static async as(role: RoleName): Promise<Api> {
    const context = await request.newContext({ baseURL, storageState: authFile(role) });
    const me = await context.get('/api/v1/me');
    if (!me.ok()) throw new Error(`GET /api/v1/me as ${role}: ${me.status()} ${await me.text()}`);
    const body = (await me.json()) as { csrf_token: string };
    return new Api(context, body.csrf_token);
  }

  async get<T>(path: string): Promise<T> {
    return Api.json<T>(await this.context.get(path), `GET ${path}`);
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown, headers: Record<string, string> = {}) {
    const response = await this.context.fetch(path, {
      method,
      data,
      headers: { 'X-CSRF-Token': this.csrf, ...headers },
    });
    return Api.json<T>(response, `${method} ${path}`);
  }

  async dispose() {
    await this.context.dispose();
  }

  private static async json<T>(response: APIResponse, what: string): Promise<T> {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
