/** Hono's typing of this Worker: its bindings and what middleware hands to handlers. */
import type { Hono } from 'hono';
import type { OfficerItemInput } from '../../schemas/api.ts';
import type { Deployment } from '../../schemas/deployment.ts';
import type { Env } from './env.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The town's deployment, parsed once per isolate. */
    deployment: Deployment;
    /** The request body, read under its cap (set by `jsonBody` or `officerOnly`). */
    body: Uint8Array;
    /** The authenticated officer (set by `officerOnly`). */
    officer: OfficerItemInput;
  };
}

export type App = Hono<AppEnv>;
