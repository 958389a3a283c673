import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionCookie } from '../../core/authenticate';
import { abilitiesOf } from '../../core/policy';
import {
  acceptInvitationInput,
  createApiTokenInput,
  loginInput,
  requestResetInput,
  resetPasswordInput,
} from '../../../shared/schemas/auth';
import {
  acceptInvitationOutput,
  apiTokenListOutput,
  changePasswordInput,
  changePasswordOutput,
  invitationOutput,
  invitationQuery,
  createdApiTokenOutput,
  loginOutput,
  meOutput,
  okMessageOutput,
} from '../../../shared/schemas/auth';
import { okOutput, pageQueryFields } from '../../../shared/schemas/common';
import { login, logout } from './login';
import { acceptInvitation, describeInvitation, requestPasswordReset, resetPassword } from './oneTimeLinks';
import { createApiToken, listApiTokens, revokeApiToken } from './apiTokens';
import { changePassword } from './changePassword';

const tags = ['auth'];

/**
 * Per client address, in the database (shared by every process), before any work: a flood guard for the anonymous
 * routes. The finer limits (per account, per e-mail address) are in the use cases.
 */
export const anonymousLimits = {
  login: { max: 100, timeWindow: 60_000 },
  resetRequest: { max: 20, timeWindow: 60_000 },
  link: { max: 30, timeWindow: 60_000 },
};

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: anonymousLimits.login },
      schema: {
        tags,
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: loginInput,
        response: { 200: loginOutput },
      },
    },
    async (req, reply) => {
      const result = await login(req.ctx, req.body);
      reply.setCookie(sessionCookie, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.ctx.config.secureCookies,
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'End the current session', response: { 200: okOutput } } },
    async (req, reply) => {
      await logout(req.ctx, req.auth.sessionHash);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { public: true },
      schema: { tags, summary: 'The current user, their abilities and CSRF token', response: { 200: meOutput } },
    },
    async (req) => {
      const actor = req.ctx.actor;
      return {
        user:
          actor.kind === 'user'
            ? { id: actor.id, email: actor.email, name: actor.name, role: actor.role, institutionId: actor.institutionId }
            : null,
        abilities: abilitiesOf(actor),
        csrfToken: req.auth.csrfToken ?? null,
      };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { public: true, rateLimit: anonymousLimits.resetRequest },
      schema: { tags, summary: 'E-mail a password reset link', body: requestResetInput, response: { 200: okMessageOutput } },
    },
    async (req) => {
      await requestPasswordReset(req.ctx, req.body);
      return { ok: true as const, message: 'Bila alamat itu terdaftar, tautan pengaturan ulang telah dikirim ke e-mailnya.' };
    },
  );
  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true, rateLimit: anonymousLimits.link },
      schema: { tags, summary: 'Set a new password with a reset link token', body: resetPasswordInput, response: { 200: okOutput } },
    },
    async (req) => {
      await resetPassword(req.ctx, req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/auth/invitation',
    {
      config: { public: true, rateLimit: anonymousLimits.link },
      schema: {
        tags,
        summary: 'Who an invitation link is for (name, e-mail, institution), before accepting it',
        querystring: invitationQuery,
        response: { 200: invitationOutput },
      },
    },
    async (req) => describeInvitation(req.ctx, req.query.token),
  );
  app.post(
    '/api/auth/invitation/accept',
    {
      config: { public: true, rateLimit: anonymousLimits.link },
      schema: {
        tags,
        summary: 'Accept an account invitation and choose a password',
        body: acceptInvitationInput,
        response: { 200: acceptInvitationOutput },
      },
    },
    async (req) => {
      return acceptInvitation(req.ctx, req.body);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change my password (current one required); ends my other sessions',
        body: changePasswordInput,
        response: { 200: changePasswordOutput },
      },
    },
    async (req) => {
      const result = await changePassword(req.ctx, req.body, req.auth.sessionHash);
      return { ok: true as const, ...result };
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'My personal API tokens, newest first',
        querystring: z.strictObject(pageQueryFields),
        response: { 200: apiTokenListOutput },
      },
    },
    async (req) => listApiTokens(req.ctx, req.query),
  );
  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: createApiTokenInput,
        response: { 201: createdApiTokenOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createApiToken(req.ctx, req.body, req.auth.via);
    },
  );
  app.delete(
    '/api/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke a personal API token', params: z.object({ id: z.uuid() }), response: { 200: okOutput } } },
    async (req) => {
      await revokeApiToken(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
