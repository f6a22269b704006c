// The dashboard JSON API, and only it. Errors carry the server's `error` and `issues`,
// which are written to be shown to people as they are.

export class ApiError extends Error {
  constructor(status, message, issues = []) {
    super(message);
    this.status = status;
    this.issues = issues;
  }
}

let session = null;
let signedOut = () => {};

export function useSession(activeSession, onSignedOut) {
  session = activeSession;
  signedOut = onSignedOut;
}

export function agentPath(agentId, ...rest) {
  return ['/api/dashboard/agents', agentId, ...rest].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');
}

export async function api(method, path, body) {
  for (let attempt = 0; ; attempt += 1) {
    let token = null;
    try {
      token = await session?.bearer();
    } catch (error) {
      // A failed renewal says why (e.g. the sign-in link was replaced); pass that on.
      signedOut(error.message);
      throw new ApiError(401, error.message);
    }
    if (!token) {
      signedOut('You are signed out.');
      throw new ApiError(401, 'You are signed out.');
    }
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'Cannot reach the server. Is it still running?');
    }
    if (response.status === 401 && attempt === 0) {
      // The session may have expired between check and call: renew once, then give up.
      let renewed = null;
      try {
        renewed = await session.renew();
      } catch (error) {
        signedOut(error.message);
        throw new ApiError(401, error.message);
      }
      if (renewed) continue;
    }
    const payload = await readJson(response);
    if (response.ok) return payload;
    if (response.status === 401) signedOut(payload?.error ? `${payload.error}: please sign in again.` : 'Please sign in again.');
    throw errorOf(response, payload);
  }
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (response.status === 204 || !type.includes('json')) return null;
  return response.json().catch(() => null);
}

function errorOf(response, payload) {
  let message = payload?.error ?? `The server answered HTTP ${response.status}.`;
  if (payload?.requestId) message += ` (request id ${payload.requestId})`;
  const retryAfter = response.headers.get('Retry-After');
  if (response.status === 429 && retryAfter) message += ` Try again in ${retryAfter} seconds.`;
  return new ApiError(response.status, message, Array.isArray(payload?.issues) ? payload.issues : []);
}
