import type { IncomingMessage, ServerResponse } from 'node:http';

/** Types for votes.mjs (plain JavaScript so server.mjs loads it without a build). */
export const MAX_VOTE_BYTES: number;
export function answerVoteRequest(req: IncomingMessage, res: ServerResponse, answerVote?: (request: Request, articleId: string) => Promise<Response>): boolean;
