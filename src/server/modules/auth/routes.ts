import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionCookie } from '../../core/authenticate';
import { abilitiesOf } from '../../core/policy';
import { acceptInvitationInput, createApiTokenInput, loginInput, requestResetInput, resetPasswordInput } from '../../../shared/schemas/auth';
import { changePasswordInput } from '../../../shared/schemas/auth';
import { login, logout } from './login';
import { acceptInvitation, requestPasswordReset, resetPassword } from './oneTimeLinks';
import { createApiToken, listApiTokens, revokeApiToken } from './apiTokens';
import { changePassword } from './changePassword';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/auth/login', { config: { public: true }, schema: { tags, summary: 'Log in with e-mail and password; sets the session cookie', body: loginInput } }, async (req, reply) => {
    const result = await login(req.ctx, req.body);
    reply.setCookie(sessionCookie, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.ctx.config.secureCookies,
      expires: result.expiresAt,
    });
    return { user: result.user, csrfToken: result.csrfToken };
  });

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags, summary: 'End the current session' } }, async (req, reply) => {
    await logout(req.ctx, req.auth.sessionHash);
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { config: { public: true }, schema: { tags, summary: 'The current user, their abilities and CSRF token' } }, async (req) => {
    const actor = req.ctx.actor;
    return {
      user: actor.kind === 'user' ? { id: actor.id, email: actor.email, name: actor.name, role: actor.role, institutionId: actor.institutionId } : null,
      abilities: abilitiesOf(actor),
      csrfToken: req.auth.csrfToken ?? null,
    };
  });

  app.post('/api/auth/password-reset/request', { config: { public: true }, schema: { tags, summary: 'E-mail a password reset link', body: requestResetInput } }, async (req) => {
    await requestPasswordReset(req.ctx, req.body);
    return { ok: true, message: 'Bila alamat itu terdaftar, tautan pengaturan ulang telah dikirim ke e-mailnya.' };
  });
  app.post('/api/auth/password-reset', { config: { public: true }, schema: { tags, summary: 'Set a new password with a reset link token', body: resetPasswordInput } }, async (req) => {
    await resetPassword(req.ctx, req.body);
    return { ok: true };
  });
  app.post('/api/auth/invitation/accept', { config: { public: true }, schema: { tags, summary: 'Accept an account invitation and choose a password', body: acceptInvitationInput } }, async (req) => {
    return acceptInvitation(req.ctx, req.body);
  });

  app.post('/api/auth/password', { schema: { tags, summary: 'Change my password (current one required); ends my other sessions', body: changePasswordInput } }, async (req) => {
    const result = await changePassword(req.ctx, req.body, req.auth.sessionHash);
    return { ok: true, ...result };
  });

  app.get('/api/auth/tokens', { schema: { tags, summary: 'My personal API tokens' } }, async (req) => listApiTokens(req.ctx));
  app.post('/api/auth/tokens', { schema: { tags, summary: 'Create a personal API token (shown once)', body: createApiTokenInput } }, async (req, reply) => {
    reply.status(201);
    return createApiToken(req.ctx, req.body);
  });
  app.delete('/api/auth/tokens/:id', { schema: { tags, summary: 'Revoke a personal API token', params: z.object({ id: z.uuid() }) } }, async (req) => {
    await revokeApiToken(req.ctx, req.params.id);
    return { ok: true };
  });
};
