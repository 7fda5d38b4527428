// Waiting on conditions instead of sleeping: poll, back off a little, and say what never happened.

/** Retries `attempt` until it returns a value other than undefined; throws after `timeoutMs` naming `what`. */
export async function retry<T>(what: string, timeoutMs: number, attempt: (remainingMs: number) => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let tries = 1; ; tries++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      const result = await attempt(remaining);
      if (result !== undefined) return result;
    } catch (error) {
      lastError = error;
    }
    // Back off so a slow extension host or file index can catch up, but never past the deadline.
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * tries, 1000, Math.max(0, deadline - Date.now()))));
  }
  const reason = lastError instanceof Error ? `: ${lastError.message.split('\n')[0]}` : '';
  throw new Error(`Timed out after ${timeoutMs} ms: ${what}${reason}`);
}

/** Waits until `condition` holds, e.g. a file written by a command. */
export async function waitForCondition(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  await retry(what, timeoutMs, async () => (await condition()) || undefined);
}
