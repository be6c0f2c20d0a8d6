// CSRF prevention as Yoga's plugin does it: a browser sends a "simple" request (GET, or a POST of a
// form or plain text) cross-site without asking first, so such a request must carry a header no
// form can set. JSON POSTs (every GraphQL client) are preflighted by browsers and pass untouched.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const csrfHeader = 'x-graphql-yoga-csrf';

const simpleContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      const contentType = request.headers.get('content-type')?.toLowerCase();
      const preflighted = contentType !== undefined && !simpleContentTypes.some((simple) => contentType.startsWith(simple));
      if (preflighted || request.headers.has(csrfHeader)) return;
      throw new GraphQLError(
        `a request without a JSON content type (a GET, a form or plain text) must carry the ${csrfHeader} header (CSRF prevention); send Content-Type: application/json or add the header`,
        { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } },
      );
    },
  };
}
