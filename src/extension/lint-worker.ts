/** The worker thread behind lint-client.ts: serves LintSession requests (a config lookup may await reads). */
import { serveRequests } from '../core/worker-protocol';
import { LintSession, type SessionReply, type SessionRequest } from './lint-session';

const session = new LintSession();

serveRequests<SessionRequest, SessionReply>((request) => session.handle(request));
