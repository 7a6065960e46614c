import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { DomainException, FieldProblem } from '../errors/domain.exception';

/**
 * No request body of ours nests deeper than a few levels. class-transformer and class-validator
 * walk bodies recursively, so a few KB of `[[[[…` would overflow their stack and answer 500.
 */
export const MAX_JSON_DEPTH = 32;

/** PostgreSQL text cannot hold U+0000 (NUL). */
const NUL = '\u0000';
/** A lone surrogate has no UTF-8 form. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Both are refused, never stored. */
function isUnstorable(text: string): boolean {
  return text.includes(NUL) || LONE_SURROGATE.test(text);
}

/**
 * The first problem of a parsed body or query that no DTO rule catches: too deep, or a string that
 * cannot be stored. Walked without recursion, so it cannot overflow itself.
 */
export function findInputProblem(value: unknown, root = 'body'): FieldProblem | null {
  const stack: [unknown, number, string][] = [[value, 0, root]];
  while (stack.length > 0) {
    const [current, depth, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (isUnstorable(current)) return { field: path, reason: 'unstorableCharacter' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { field: root, reason: 'tooDeep', args: [MAX_JSON_DEPTH] };
    for (const [key, child] of Object.entries(current)) {
      const field = path === root && root === 'body' ? key : `${path}.${key}`;
      if (isUnstorable(key)) return { field: root, reason: 'unstorableCharacter' };
      stack.push([child, depth + 1, field]);
    }
  }
  return null;
}

/** Refuses, before validation, input that would otherwise reach the database or the validators as a 500. */
export function refuseUnsafeInput(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const problem = findInputProblem(request.body) ?? findInputProblem(request.query, 'query');
  done(problem ? DomainException.invalid([problem]) : undefined);
}

/**
 * Fastify's refusals of a JSON body as field problems of ours: its own errors carry English text
 * only, which the error filter would pass on as the reason whatever the client's language.
 */
const PARSER_PROBLEMS: Record<string, FieldProblem> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { field: 'body', reason: 'isNotEmpty' },
  // Syntax errors, and the prototype-poisoning keys secure-json-parse refuses.
  FST_ERR_CTP_INVALID_JSON_BODY: { field: 'body', reason: 'invalidJson' },
};

/**
 * Fastify's JSON parser with prototype poisoning refused, which also refuses bytes that are not
 * UTF-8 instead of decoding them to U+FFFD and storing the replacement characters.
 *
 * Every JSON body of ours is an object, so `null`, a number, a string or an array is refused here,
 * for every route at once: Nest's ValidationPipe turns a null body into `{}`, which a PATCH or PUT
 * of optional fields took as an empty update.
 */
export function strictJsonParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void): void => {
    if (!isUtf8(body)) {
      done(DomainException.invalid([{ field: 'body', reason: 'invalidUtf8' }]));
      return;
    }
    // Fastify's default parser answers through the callback and returns nothing (its type also allows
    // a promise-returning parser): there is no promise to await.
    void parse(request, body.toString('utf8'), (error, value) => {
      if (!error && (typeof value !== 'object' || value === null || Array.isArray(value))) {
        done(DomainException.invalid([{ field: 'body', reason: 'isObject' }]));
        return;
      }
      const problem = error && PARSER_PROBLEMS[(error as Error & { code?: string }).code ?? ''];
      done(problem ? DomainException.invalid([problem]) : error, value);
    });
  };
}
