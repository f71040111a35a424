import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Operations (raids). (Being written.) */
export function operationRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
