/** Shared by playwright.config.ts and the browser tests. */
export const e2eAdmin = { email: 'admin@example.org', password: 'rahasia-e2e-12345' };
