import type { Page } from 'playwright-core';

/**
 * Collects a page's console errors and uncaught exceptions, so a test can assert there were none.
 *
 * @example
 * const errors = collectErrors(page);
 * await page.goto(url);
 * expect(errors).toEqual([]);
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '?';
    // The next navigation cancels requests still in flight (the favicon, say): not a site error.
    // A missing file still fails the test through its HTTP status below.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}
